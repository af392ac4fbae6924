package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.encoding.Base32;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.testsupport.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The project's own lexicons (lexicons/ at the repository root) against the validator: the folder loads as one
 * catalog whose references all resolve, every {@code *-valid.json} example passes, every {@code *-invalid.json}
 * example fails, once, for the rule it names, and the worked examples and fact-key vectors of docs/lexicons.md hold.
 */
class AgentLexiconExamplesTest {
    private static final Path ROOT = TestEnvironment.projectDir();
    private static final Path LEXICONS = ROOT.resolve("lexicons");
    private static final String EXAMPLES = "examples";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LexiconCatalog CATALOG = catalog();
    private static final LexiconValidator VALIDATOR = new LexiconValidator(CATALOG);

    /** Schema files only: the examples folders beside them hold records, not lexicons. */
    private static List<Path> schemaFiles() {
        try (Stream<Path> walk = Files.walk(LEXICONS)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(p -> !LEXICONS.relativize(p).toString().contains(EXAMPLES))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LexiconCatalog catalog() {
        LexiconCatalog.Builder builder = LexiconCatalog.builder();
        for (Path file : schemaFiles()) {
            builder.addJson(read(file), file.toString());
        }
        return builder.build();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everySchemaFileIsNamedAfterItsNsidAndEveryReferenceResolves() {
        List<Path> files = schemaFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(17);
        for (Path file : files) {
            Path rel = LEXICONS.relativize(file);
            String name = rel.getFileName().toString();
            Nsid expected = Nsid.parse(rel.getParent() + "." + name.substring(0, name.length() - ".json".length()));
            assertThat(CATALOG.contains(expected)).as("%s declares %s", rel, expected).isTrue();
        }
        assertThat(CATALOG.size()).isEqualTo(files.size());
        assertThat(CATALOG.refProblems()).isEmpty();
    }

    @Test
    void everyAgentRecordTypeHasValidAndInvalidExamples() {
        List<Nsid> recordTypes = CATALOG.documents().stream()
                .filter(doc -> doc.id().toString().startsWith("agent."))
                .filter(doc -> doc.main().filter(LexRecord.class::isInstance).isPresent())
                .map(LexiconDocument::id)
                .toList();
        assertThat(recordTypes).hasSize(14);
        for (Nsid type : recordTypes) {
            for (String kind : List.of("valid", "invalid")) {
                Path file = exampleFile(type, kind);
                assertThat(file).as("examples of %s", type).isRegularFile();
                assertThat(tree(file).size()).as("%s", file).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static Path exampleFile(Nsid type, String kind) {
        String id = type.toString();
        int dot = id.lastIndexOf('.');
        return LEXICONS.resolve(id.substring(0, dot)).resolve(EXAMPLES)
                .resolve(id.substring(dot + 1) + "-" + kind + ".json");
    }

    private static JsonNode tree(Path file) {
        return JSON.readTree(read(file));
    }

    private static Stream<Arguments> examples(String kind) {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(LEXICONS)) {
            String suffix = "-" + kind + ".json";
            for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                String name = file.getFileName().toString();
                Nsid type = Nsid.parse(file.getParent().getParent().getFileName() + "."
                        + name.substring(0, name.length() - kind.length() - ".json".length() - 1));
                JsonNode items = tree(file);
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    boolean invalid = item.has("why");
                    String label = type + "[" + i + "]" + (invalid ? " " + item.get("why").asString() : "");
                    JsonNode json = invalid ? item.get("record") : item;
                    MapValue record = (MapValue) DataJson.parse(JSON.writeValueAsBytes(json));
                    out.add(invalid
                            ? Arguments.of(label, type, item.get("rule").asString(), record)
                            : Arguments.of(label, type, record));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }

    static Stream<Arguments> validExamples() {
        return examples("valid");
    }

    static Stream<Arguments> invalidExamples() {
        return examples("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleIsAccepted(String label, Nsid type, MapValue record) {
        assertThat(VALIDATOR.validateRecord(type, record)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedForTheRuleItNames(String label, Nsid type, String rule, MapValue record) {
        List<ValidationError> errors = VALIDATOR.validateRecord(type, record);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().rule().specName()).as("%s", errors).isEqualTo(rule);
    }

    private static final Pattern DOC_RECORD = Pattern.compile(
            "`(at://[^`]+)`, CID `([a-z0-9]+)`\\n\\n   ```json\\n(.*?)\\n   ```", Pattern.DOTALL);

    private record DocRecord(AtUri uri, String cid, MapValue record) {}

    private static List<DocRecord> docRecords() {
        String doc = new String(read(ROOT.resolve("docs/lexicons.md")), StandardCharsets.UTF_8);
        List<DocRecord> out = new ArrayList<>();
        Matcher m = DOC_RECORD.matcher(doc);
        while (m.find()) {
            out.add(new DocRecord(AtUri.parse(m.group(1)), m.group(2), (MapValue) DataJson.parse(m.group(3))));
        }
        return out;
    }

    static Stream<Arguments> docRecordArguments() {
        return docRecords().stream().map(r -> Arguments.of(r.uri() + " " + r.cid(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docRecordArguments")
    void workedExampleInTheDocsIsValidAndHasTheCidShown(String label, DocRecord r) {
        Nsid collection = r.uri().collection().orElseThrow();
        assertThat(VALIDATOR.validateRecord(collection, r.uri().rkey().orElseThrow(), r.record())).isEmpty();
        assertThat(Drisl.cidOf(r.record()).toString()).isEqualTo(r.cid());
    }

    @Test
    void strongRefsInTheWorkedExamplesPinRecordsShownThere() {
        List<DocRecord> records = docRecords();
        assertThat(records).hasSize(10);
        Map<String, Set<String>> cids = new HashMap<>();
        records.forEach(r -> cids.computeIfAbsent(r.uri().toString(), k -> new HashSet<>()).add(r.cid()));
        List<MapValue> refs = new ArrayList<>();
        records.forEach(r -> collectStrongRefs(r.record(), refs));
        assertThat(refs).hasSizeGreaterThanOrEqualTo(10);
        for (MapValue ref : refs) {
            String uri = ref.getString("uri").orElseThrow();
            assertThat(cids).containsKey(uri);
            assertThat(cids.get(uri)).contains(ref.getString("cid").orElseThrow());
        }
    }

    private static void collectStrongRefs(DataValue value, List<MapValue> out) {
        if (value instanceof MapValue map) {
            if (map.size() == 2 && map.getString("uri").isPresent() && map.getString("cid").isPresent()) {
                out.add(map);
            }
            map.entries().forEach(e -> collectStrongRefs(e.getValue(), out));
        } else if (value instanceof ArrayValue array) {
            array.items().forEach(item -> collectStrongRefs(item, out));
        }
    }

    /** The derivation docs/lexicons.md specifies under "Fact record keys". */
    private static final Pattern SPACE_OR_CONTROL = Pattern.compile("[\\p{IsWhite_Space}\\p{Cc}]+");

    private static String normalise(String field) {
        String nfc = Normalizer.normalize(field.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String spaced = SPACE_OR_CONTROL.matcher(nfc).replaceAll(" ");
        int start = spaced.startsWith(" ") ? 1 : 0;
        int end = spaced.length() > start && spaced.endsWith(" ") ? spaced.length() - 1 : spaced.length();
        return spaced.substring(start, end);
    }

    private static String factKey(String normalised) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        return Base32.encode(Arrays.copyOf(hash, 20));
    }

    static Stream<Arguments> factKeyVectors() {
        JsonNode vectors = tree(LEXICONS.resolve("agent.memory").resolve(EXAMPLES).resolve("fact-keys.json"));
        List<Arguments> out = new ArrayList<>();
        vectors.forEach(v -> out.add(Arguments.of(v.get("note").asString(), v)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factKeyVectors")
    void factKeyVectorFollowsTheDocumentedDerivation(String note, JsonNode v) throws NoSuchAlgorithmException {
        String normalised = String.join("\u001f",
                normalise(v.get("subject").asString()), normalise(v.get("predicate").asString()),
                normalise(v.get("object").asString()));
        assertThat(normalised).isEqualTo(v.get("normalised").asString());
        String key = factKey(normalised);
        assertThat(key).hasSize(32).isEqualTo(v.get("key").asString());
        assertThat(RecordKey.parse(key).toString()).isEqualTo(key);
    }
}
