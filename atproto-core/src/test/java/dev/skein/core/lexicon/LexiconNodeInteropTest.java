package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the lexicon package against the official packages: every schema bundled in {@code @atproto/api}
 * parses and resolves, and random posts and profiles near their limits get the same verdict from us as from
 * {@code @atproto/lexicon}, except where we are deliberately stricter:
 *
 * <ul>
 *   <li>blob {@code accept} and {@code maxSize}: the reference checks only the blob's shape here and applies the
 *       constraints later, to the stored blob; we also check what the record claims, as the interop vectors
 *       ({@code blob too large}, {@code blob wrong type}) require;</li>
 *   <li>{@code language}: the reference accepts tags such as {@code EN} or {@code english} that the syntax
 *       interop vectors refuse ({@code JA}, {@code jaja}).</li>
 * </ul>
 */
@RequiresNode
class LexiconNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LexiconCatalog bundled;

    @BeforeAll
    static void loadBundledSchemas() {
        NodeInterop.requireVersion();
        ArrayValue schemas = (ArrayValue) DataJson.parse(NodeInterop.runOk("lexicon-schemas.mjs", ""));
        List<LexiconDocument> docs = new ArrayList<>();
        for (DataValue schema : schemas.items()) {
            docs.add(LexiconParser.parse(schema));
        }
        bundled = LexiconCatalog.of(docs);
    }

    @Test
    void everyBundledSchemaParsesAndEveryRefResolves() {
        assertThat(bundled.size()).isGreaterThan(300);
        assertThat(bundled.refProblems()).isEmpty();
        assertThat(bundled.find("app.bsky.feed.post")).get().isInstanceOfSatisfying(LexRecord.class, post -> {
            LexString text = (LexString) post.record().properties().get("text");
            assertThat(text.maxLength()).contains(3000);
            assertThat(text.maxGraphemes()).contains(300);
        });
    }

    @Test
    void recordVerdictsMatchTheReference() {
        RandomRecords random = new RandomRecords(20260821);
        List<MapValue> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(random.post());
        }
        for (int i = 0; i < 200; i++) {
            records.add(random.profile());
        }
        JsonNode verdicts = verdicts(records);

        LexiconValidator validator = new LexiconValidator(bundled);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < records.size(); i++) {
            MapValue record = records.get(i);
            List<ValidationError> ours = validator.validateRecord(Nsid.parse(record.getString("$type").orElseThrow()), record);
            JsonNode theirs = verdicts.get(i);
            accepted += ours.isEmpty() ? 1 : 0;
            if (ours.isEmpty() != theirs.get("ok").asBoolean() && !isKnownStricterCase(ours, theirs)) {
                disagreements.add("#" + i + " ours=" + ours + ", @atproto/lexicon="
                        + (theirs.has("message") ? theirs.get("message").asString() : "ok") + "\n  " + DataJson.writeString(record));
            }
        }
        assertThat(disagreements).as("verdicts that differ from @atproto/lexicon").isEmpty();
        assertThat(accepted).as("both outcomes exercised").isBetween(records.size() / 5, records.size() * 4 / 5);
    }

    @Test
    void isStricterOnlyWhereDocumented() {
        String post = "{'$type': 'app.bsky.feed.post', 'text': 't', 'createdAt': '2024-05-06T07:08:09.123Z', ";
        String image = "{'$type': 'app.bsky.embed.images', 'images': [{'alt': '', 'image': {'$type': 'blob', "
                + "'ref': {'$link': 'bafkreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm'}, ";
        List<MapValue> records = List.of(
                TestCatalog.object(post + "'embed': " + image + "'mimeType': 'video/mp4', 'size': 10}}]}}"),
                TestCatalog.object(post + "'embed': " + image + "'mimeType': 'image/png', 'size': 2000001}}]}}"),
                TestCatalog.object(post + "'langs': ['EN']}"),
                TestCatalog.object(post + "'langs': ['english']}"));
        JsonNode verdicts = verdicts(records);
        LexiconValidator validator = new LexiconValidator(bundled);
        for (int i = 0; i < records.size(); i++) {
            List<ValidationError> ours = validator.validateRecord(Nsid.parse("app.bsky.feed.post"), records.get(i));
            assertThat(verdicts.get(i).get("ok").asBoolean()).as("@atproto/lexicon accepts #%d", i).isTrue();
            assertThat(ours).as("we reject #%d", i).isNotEmpty();
            assertThat(isKnownStricterCase(ours, verdicts.get(i))).as("#%d is a documented difference", i).isTrue();
        }
    }

    /** We reject only for blob constraints or a language tag, which the reference accepts (see the class doc). */
    private static boolean isKnownStricterCase(List<ValidationError> ours, JsonNode theirs) {
        return !ours.isEmpty() && theirs.get("ok").asBoolean() && ours.stream().allMatch(e ->
                e.rule() == ValidationRule.ACCEPT || e.rule() == ValidationRule.MAX_SIZE
                        || (e.rule() == ValidationRule.FORMAT && e.message().contains("must be a valid language")));
    }

    private static JsonNode verdicts(List<MapValue> records) {
        List<Map<String, Object>> cases = records.stream()
                .map(r -> Map.<String, Object>of("collection", r.getString("$type").orElseThrow(),
                        "record", JSON.readTree(DataJson.write(r))))
                .toList();
        JsonNode verdicts = JSON.readTree(NodeInterop.runOk("lexicon-verdicts.mjs",
                JSON.writeValueAsString(Map.of("cases", cases)))).get("verdicts");
        assertThat(verdicts.size()).isEqualTo(records.size());
        return verdicts;
    }
}
