package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.testsupport.InteropVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The lexicon interop vectors: every schema in lexicon-valid.json parses, every one in lexicon-invalid.json is
 * rejected for the expected rule, and every record in record-data-(in)valid.json is accepted (rejected) against
 * the catalog/ folder's schemas.
 */
class LexiconInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LexiconCatalog CATALOG = LexiconCatalog.fromFolder(InteropVectors.file("lexicon/catalog/record.json").getParent());
    private static final LexiconValidator VALIDATOR = new LexiconValidator(CATALOG);

    /** Why each invalid schema is invalid; a new vector without an entry fails the test until one is added. */
    private static final Map<String, Reason> INVALID_LEXICON_REASONS = Map.of(
            "invalid lexicon field", Reason.WRONG_TYPE,
            "invalid id field", Reason.WRONG_TYPE,
            "invalid NSID", Reason.INVALID_NSID,
            "defined unknown", Reason.NOT_DEFINABLE,
            "defined ref", Reason.NOT_DEFINABLE,
            "non-main primary", Reason.PRIMARY_NOT_MAIN,
            "record missing type object", Reason.MISSING_FIELD);

    /** Which rule each invalid record breaks (two vectors share the name "union inner invalid"). */
    private static final Map<String, Set<ValidationRule>> INVALID_RECORD_RULES = Map.ofEntries(
            Map.entry("missing required field", Set.of(ValidationRule.REQUIRED)),
            Map.entry("invalid boolean field", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid integer field", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid non-nullable string field", Set.of(ValidationRule.NULLABLE)),
            Map.entry("invalid string field", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid bytes field", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid bytes: empty object", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid bytes: wrong type", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid cid-link field", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid blob field", Set.of(ValidationRule.BLOB)),
            Map.entry("invalid blob: wrong type", Set.of(ValidationRule.BLOB)),
            Map.entry("invalid array", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid array element", Set.of(ValidationRule.TYPE)),
            Map.entry("object wrong data type", Set.of(ValidationRule.TYPE)),
            Map.entry("object nested wrong data type", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid token ref type", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid ref value", Set.of(ValidationRule.TYPE)),
            Map.entry("invalid string format handle", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format did", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format atidentifier", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format nsid", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format aturi", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format cid", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format datetime", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format language", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format uri", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format tid", Set.of(ValidationRule.FORMAT)),
            Map.entry("invalid string format recordkey", Set.of(ValidationRule.FORMAT)),
            Map.entry("wrong const value", Set.of(ValidationRule.CONST)),
            Map.entry("integer not in enum", Set.of(ValidationRule.ENUM)),
            Map.entry("out of integer range", Set.of(ValidationRule.MAXIMUM)),
            Map.entry("string too short", Set.of(ValidationRule.MIN_LENGTH)),
            Map.entry("string too long", Set.of(ValidationRule.MAX_LENGTH)),
            Map.entry("string too short (graphemes)", Set.of(ValidationRule.MIN_GRAPHEMES)),
            Map.entry("string too long (graphemes)", Set.of(ValidationRule.MAX_GRAPHEMES)),
            Map.entry("out of enum string", Set.of(ValidationRule.ENUM)),
            Map.entry("bytes too short", Set.of(ValidationRule.MIN_LENGTH)),
            Map.entry("bytes too long", Set.of(ValidationRule.MAX_LENGTH)),
            Map.entry("array too short", Set.of(ValidationRule.MIN_LENGTH)),
            Map.entry("array too long", Set.of(ValidationRule.MAX_LENGTH)),
            Map.entry("blob too large", Set.of(ValidationRule.MAX_SIZE)),
            Map.entry("blob wrong type", Set.of(ValidationRule.ACCEPT)),
            Map.entry("open union wrong data type", Set.of(ValidationRule.UNION_TYPE)),
            Map.entry("open union missing $type", Set.of(ValidationRule.UNION_TYPE)),
            Map.entry("out of closed union", Set.of(ValidationRule.CLOSED_UNION)),
            Map.entry("union inner invalid", Set.of(ValidationRule.CLOSED_UNION, ValidationRule.TYPE)),
            Map.entry("unknown wrong type (bool)", Set.of(ValidationRule.TYPE)),
            Map.entry("unknown wrong type (bytes)", Set.of(ValidationRule.TYPE)),
            Map.entry("unknown wrong type (blob)", Set.of(ValidationRule.TYPE)));

    static Stream<Arguments> validLexicons() {
        return cases("lexicon/lexicon-valid.json");
    }

    static Stream<Arguments> invalidLexicons() {
        return cases("lexicon/lexicon-invalid.json");
    }

    static Stream<Arguments> validRecords() {
        return cases("lexicon/record-data-valid.json");
    }

    static Stream<Arguments> invalidRecords() {
        return cases("lexicon/record-data-invalid.json");
    }

    private static Stream<Arguments> cases(String file) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(InteropVectors.read(file))) {
            out.add(Arguments.of(n.get("name").asString(), n));
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLexicons")
    void validLexiconParses(String name, JsonNode vector) {
        JsonNode lexicon = vector.get("lexicon");
        LexiconDocument doc = LexiconParser.parse(JSON.writeValueAsBytes(lexicon));

        assertThat(doc.id().toString()).isEqualTo(lexicon.get("id").asString());
        assertThat(doc.defs().keySet()).containsExactlyInAnyOrderElementsOf(lexicon.get("defs").propertyNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLexicons")
    void invalidLexiconIsRejected(String name, JsonNode vector) {
        byte[] json = JSON.writeValueAsBytes(vector.get("lexicon"));

        LexiconException e = catchThrowableOfType(LexiconException.class, () -> LexiconParser.parse(json));

        assertThat(e).as("rejected").isNotNull();
        assertThat(INVALID_LEXICON_REASONS).as("expected reason known for this vector").containsKey(name);
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(INVALID_LEXICON_REASONS.get(name));
        assertThat(e.path()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRecords")
    void validRecordIsAccepted(String name, JsonNode vector) {
        MapValue record = record(vector);
        Nsid collection = Nsid.parse(record.getString("$type").orElseThrow());

        assertThat(VALIDATOR.validateRecord(collection, RecordKey.parse(vector.get("rkey").asString()), record))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void invalidRecordIsRejected(String name, JsonNode vector) {
        MapValue record = record(vector);
        Nsid collection = Nsid.parse(record.getString("$type").orElseThrow());

        List<ValidationError> errors = VALIDATOR.validateRecord(collection, RecordKey.parse(vector.get("rkey").asString()), record);

        assertThat(errors).as("rejected").isNotEmpty();
        assertThat(INVALID_RECORD_RULES).as("expected rule known for this vector").containsKey(name);
        assertThat(errors).as(errors.toString())
                .anySatisfy(err -> assertThat(INVALID_RECORD_RULES.get(name)).contains(err.rule()));
        assertThat(errors).allSatisfy(err -> assertThat(err.message()).startsWith("Record").contains(err.path().substring(0, 6)));
        assertThatThrownBy(() -> VALIDATOR.requireValidRecord(collection, RecordKey.parse("demo"), record))
                .isInstanceOf(LexiconValidationException.class)
                .hasMessage(errors.getFirst().message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }

    @Test
    void catalogFolderLoadsEveryDocument() {
        assertThat(CATALOG.documents()).extracting(d -> d.id().toString()).containsExactlyInAnyOrder(
                "example.lexicon.permissionset", "example.lexicon.procedure", "example.lexicon.query",
                "example.lexicon.record", "example.lexicon.subscription");
        assertThat(CATALOG.document(Nsid.parse("example.lexicon.record")).orElseThrow().main().orElseThrow())
                .isInstanceOfSatisfying(LexRecord.class, r -> assertThat(r.key()).hasToString("literal:demo"));
    }

    @Test
    void catalogFolderHasExactlyTheOneRefItDoesNotShip() {
        // procedure.json refers to app.bsky.actor.defs#preferences, which the vectors do not include
        assertThat(CATALOG.refProblems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.UNRESOLVED_REF);
            assertThat(p.source()).contains("example.lexicon.procedure");
            assertThat(p.path()).isEqualTo("/defs/main/input/schema/properties/preferences/ref");
            assertThat(p.detail()).contains("app.bsky.actor.defs#preferences");
        });
        assertThatThrownBy(CATALOG::checkRefs).isInstanceOf(LexiconException.class)
                .hasMessageContaining("app.bsky.actor.defs#preferences");
    }

    @Test
    void recordKeyMustMatchTheLiteral() {
        MapValue record = record(JSON.readTree(InteropVectors.read("lexicon/record-data-valid.json")).get(0));

        assertThat(VALIDATOR.validateRecord(Nsid.parse("example.lexicon.record"), RecordKey.parse("other"), record))
                .singleElement().extracting(ValidationError::rule).isEqualTo(ValidationRule.RECORD_KEY);
    }

    private static MapValue record(JsonNode vector) {
        return (MapValue) DataJson.parse(JSON.writeValueAsBytes(vector.get("data")));
    }
}
