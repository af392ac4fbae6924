package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.RecordKeyType;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.core.syntax.Nsid;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PDS's repository methods against the official client ({@code interop-node/pds-repo.mjs}):
 * {@code @atproto/api}'s AtpAgent, which checks every response against its lexicons, writes, reads, lists
 * and deletes records, uses {@code post}, {@code upsertProfile} (concurrently, so that its
 * {@code InvalidSwap} retry runs) and {@code deletePost}, uploads an image and posts it; then writes every
 * example record of {@code lexicons/} with {@code validate: true}: the valid ones are stored as
 * {@code valid}, the invalid ones are refused with 400 and the validator's own message, naming the field.
 */
@RequiresNode
class PdsRepoNodeInteropTest extends PdsContract {
    private static final Path LEXICONS = Path.of("..", "lexicons");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
    }

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    /** Every example file pair of the lexicons folder, as the script takes them. */
    private static ArrayNode examples(LexiconCatalog catalog) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        List<Path> valid;
        try (Stream<Path> files = Files.walk(LEXICONS)) {
            valid = files.filter(p -> p.getFileName().toString().endsWith("-valid.json")).sorted().toList();
        }
        for (Path v : valid) {
            JsonNode records = JSON.readTree(v.toFile());
            String collection = records.get(0).path("$type").asString();
            ObjectNode ex = out.addObject().put("collection", collection);
            LexRecord schema = (LexRecord) catalog.document(Nsid.parse(collection)).orElseThrow().main().orElseThrow();
            if (schema.key() instanceof RecordKeyType.Literal literal) {
                ex.put("literalKey", literal.value().value());
            } else {
                ex.putNull("literalKey");
            }
            ex.set("valid", records);
            Path invalid = v.resolveSibling(v.getFileName().toString().replace("-valid.json", "-invalid.json"));
            ex.set("invalid", Files.exists(invalid) ? JSON.readTree(invalid.toFile()) : JSON.createArrayNode());
        }
        return out;
    }

    @Test
    void theOfficialClientWritesReadsAndListsRecordsAndBlobs() throws IOException {
        LexiconCatalog catalog = LexiconCatalog.fromFolder(LEXICONS);
        LexiconValidator validator = new LexiconValidator(catalog);
        String handle = newHandle();
        ObjectNode in = JSON.createObjectNode().put("service", "http://127.0.0.1:" + port).put("handle", handle)
                .put("email", handle.substring(0, handle.indexOf('.')) + "@mail.example.com").put("password", PASSWORD);
        ArrayNode examples = examples(catalog);
        in.set("examples", examples);
        JsonNode out = JSON.readTree(NodeInterop.runOk("pds-repo.mjs", JSON.writeValueAsString(in)));
        String did = out.path("did").asString();

        assertThat(out.path("created").path("uri").asString()).startsWith("at://" + did + "/app.bsky.feed.post/");
        assertThat(out.path("created").path("validationStatus").asString()).isEqualTo("valid");
        assertThat(out.path("got").path("value").path("text").asString()).isEqualTo("first");
        assertThat(out.path("put").has("commit")).isTrue();
        assertThat(out.path("putAgain").has("commit")).as("identical put: no commit").isFalse();
        assertThat(out.path("putAgain").path("cid").asString()).isEqualTo(out.path("put").path("cid").asString());
        assertThat(out.path("staleSwap").path("status").asInt()).isEqualTo(400);
        assertThat(out.path("staleSwap").path("isInvalidSwapError").asBoolean()).isTrue();
        assertThat(out.path("profile").path("description").asString()).isEqualTo("an agent");
        assertThat(out.path("profile").path("displayName").asString()).matches("Agent [123]");

        byte[] png = new byte[2048];
        System.arraycopy(BlobsContract.PNG_HEADER, 0, png, 0, BlobsContract.PNG_HEADER.length);
        assertThat(out.path("blob").path("ref").asString()).isEqualTo(Cid.ofRaw(png).toString());
        assertThat(out.path("blob").path("mimeType").asString()).isEqualTo("image/png");
        assertThat(out.path("imagePost").path("imageRef").asString()).isEqualTo(out.path("blob").path("ref").asString());
        assertThat(out.path("listBlobs")).extracting(JsonNode::asString).contains(out.path("blob").path("ref").asString());
        assertThat(out.path("blobBytesMatch").asBoolean()).isTrue();

        JsonNode results = out.path("applied").path("results");
        assertThat(results).extracting(r -> r.path("$type").asString()).containsExactly("com.atproto.repo.applyWrites#createResult",
                "com.atproto.repo.applyWrites#updateResult", "com.atproto.repo.applyWrites#deleteResult");
        assertThat(out.path("list").path("page1").size()).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        out.path("list").path("page1").forEach(k -> listed.add(k.asString()));
        out.path("list").path("page2").forEach(k -> listed.add(k.asString()));
        assertThat(listed).isSortedAccordingTo((a, b) -> b.compareTo(a)).doesNotHaveDuplicates();
        List<String> reversed = new ArrayList<>();
        out.path("list").path("reversed").forEach(k -> reversed.add(k.asString()));
        assertThat(reversed).isSorted();
        assertThat(out.path("describe").path("did").asString()).isEqualTo(did);
        assertThat(out.path("describe").path("handleIsCorrect").asBoolean()).isTrue();
        assertThat(out.path("describe").path("collections")).extracting(JsonNode::asString)
                .contains("app.bsky.actor.profile", "app.bsky.feed.post");
        assertThat(out.path("deleted").has("commit")).isTrue();
        assertThat(out.path("deletedAgain").has("commit")).as("a missing record: no commit").isFalse();
        assertThat(out.path("gone").path("error").asString()).isEqualTo("RecordNotFound");

        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < examples.size(); i++) {
            JsonNode ex = examples.get(i);
            JsonNode result = out.path("examples").get(i);
            Nsid collection = Nsid.parse(ex.path("collection").asString());
            for (JsonNode w : result.path("valid")) {
                assertThat(w.path("ok").asBoolean()).as("%s valid example: %s", collection, w).isTrue();
                assertThat(w.path("data").path("validationStatus").asString()).isEqualTo("valid");
                valid++;
            }
            for (int j = 0; j < ex.path("invalid").size(); j++) {
                JsonNode w = result.path("invalid").get(j);
                assertThat(w.path("ok").asBoolean()).as("%s invalid example (%s)", collection, w.path("why").asString()).isFalse();
                assertThat(w.path("status").asInt()).isEqualTo(400);
                MapValue record = (MapValue) DataJson.parse(JSON.writeValueAsString(ex.path("invalid").get(j).path("record")));
                if (!record.type().orElse(collection.value()).equals(collection.value())) {
                    assertThat(w.path("message").asString()).startsWith("Invalid $type: expected " + collection);
                } else {
                    List<ValidationError> errors = validator.validateRecord(collection, record);
                    assertThat(errors).isNotEmpty();
                    assertThat(w.path("message").asString()).as("names the field").contains(errors.getFirst().message());
                }
                invalid++;
            }
        }
        assertThat(valid).isGreaterThan(40);
        assertThat(invalid).isGreaterThan(40);
        assertThat(out.path("status").path("indexedRecords").asLong()).isPositive();
    }
}
