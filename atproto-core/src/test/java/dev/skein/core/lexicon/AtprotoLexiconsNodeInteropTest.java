package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.DataJson;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our com.atproto.* and app.bsky.* lexicon files against the published definitions bundled in {@code @atproto/api}:
 * apart from the {@code description} texts (ours are our own words) every document is the published one, name for
 * name and constraint for constraint; the folder has every published com.atproto lexicon but the {@code temp}
 * ones; and {@code @atproto/lexicon} gives every example record the verdict we give it.
 *
 * <p>References are compared in one form: the bundle writes {@code lex:nsid#name}, the schema files {@code #name}
 * within a document, {@code nsid#name} across documents and {@code nsid} for a main definition.
 */
@RequiresNode
class AtprotoLexiconsNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIPTION = "description";
    private static Map<String, JsonNode> ours;
    private static JsonNode published;

    @BeforeAll
    static void loadPublished() {
        NodeInterop.requireVersion();
        ours = new LinkedHashMap<>();
        for (Path file : AtprotoLexiconsTest.atprotoFiles()) {
            ours.put(AtprotoLexiconsTest.expectedId(file).toString(), JSON.readTree(AtprotoLexiconsTest.read(file)));
        }
        String request = JSON.writeValueAsString(Map.of("ids", ours.keySet()));
        published = JSON.readTree(NodeInterop.runOk("lexicon-published.mjs", request));
    }

    @Test
    void everyDocumentIsThePublishedOneApartFromDescriptions() {
        assertThat(ours).hasSize(108);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ours.entrySet()) {
            String id = e.getKey();
            JsonNode theirs = published.get("documents").get(id);
            if (theirs == null || theirs.isNull()) {
                differences.add(id + ": not published");
                continue;
            }
            JsonNode a = comparable(e.getValue(), id);
            JsonNode b = comparable(theirs, id);
            if (!a.equals(b)) {
                differences.add(id + ":\n  ours:      " + a + "\n  published: " + b);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void descriptionsAreOurOwnWords() {
        List<String> copied = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ours.entrySet()) {
            Set<String> theirs = new TreeSet<>();
            descriptions(published.get("documents").get(e.getKey()), theirs);
            Set<String> mine = new TreeSet<>();
            descriptions(e.getValue(), mine);
            mine.retainAll(theirs);
            mine.forEach(d -> copied.add(e.getKey() + ": " + d));
        }
        assertThat(copied).isEmpty();
    }

    @Test
    void theFolderHasEveryPublishedComAtprotoLexiconButTheTemporaryOnes() {
        Set<String> expected = new TreeSet<>();
        published.get("all").forEach(id -> {
            String s = id.asString();
            if (s.startsWith("com.atproto.") && !s.startsWith("com.atproto.temp.")) {
                expected.add(s);
            }
        });
        Set<String> have = new TreeSet<>(ours.keySet());
        have.removeIf(id -> !id.startsWith("com.atproto."));
        assertThat(have).isEqualTo(expected);
    }

    @Test
    void theReferenceGivesEveryExampleRecordOurVerdict() {
        List<AtprotoLexiconsTest.Example> examples = AtprotoLexiconsTest.examples();
        List<Map<String, Object>> cases = examples.stream()
                .map(x -> Map.<String, Object>of("collection", x.type().toString(),
                        "record", JSON.readTree(DataJson.write(x.record()))))
                .toList();
        JsonNode verdicts = JSON.readTree(NodeInterop.runOk("lexicon-verdicts.mjs",
                JSON.writeValueAsString(Map.of("cases", cases)))).get("verdicts");
        assertThat(verdicts.size()).isEqualTo(examples.size());
        LexiconValidator validator = new LexiconValidator(AtprotoLexiconsTest.CATALOG);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            AtprotoLexiconsTest.Example x = examples.get(i);
            boolean theirs = verdicts.get(i).get("ok").asBoolean();
            boolean mine = validator.validateRecord(x.type(), x.record()).isEmpty();
            if (theirs != x.valid() || mine != x.valid()) {
                disagreements.add(x.label() + ": expected " + (x.valid() ? "valid" : "invalid") + ", ours "
                        + mine + ", @atproto/lexicon " + verdicts.get(i));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** A copy without string {@code description} fields and with every reference in {@code nsid[#name]} form. */
    private static JsonNode comparable(JsonNode node, String id) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(comparable(item, id)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        String type = node.has("type") && node.get("type").isString() ? node.get("type").asString() : "";
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(DESCRIPTION) && value.isString()) {
                continue;
            }
            if (type.equals("ref") && key.equals("ref") && value.isString()) {
                out.put(key, fullRef(value.asString(), id));
            } else if (type.equals("union") && key.equals("refs") && value.isArray()) {
                ArrayNode refs = out.putArray(key);
                value.forEach(r -> refs.add(fullRef(r.asString(), id)));
            } else {
                out.set(key, comparable(value, id));
            }
        }
        return out;
    }

    private static String fullRef(String ref, String id) {
        String r = ref.startsWith("lex:") ? ref.substring(4) : ref;
        if (r.startsWith("#")) {
            r = id + r;
        }
        return r.endsWith("#main") ? r.substring(0, r.length() - "#main".length()) : r;
    }

    private static void descriptions(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(item -> descriptions(item, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals(DESCRIPTION) && field.getValue().isString()) {
                    out.add(field.getValue().asString());
                } else {
                    descriptions(field.getValue(), out);
                }
            }
        }
    }
}
