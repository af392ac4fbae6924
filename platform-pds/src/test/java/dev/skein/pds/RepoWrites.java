package dev.skein.pds;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Tid;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Record writes for the sync tests, through the PDS's own {@code com.atproto.repo.createRecord} as a client
 * makes them: each call is one commit, answered once it is durable.
 */
public final class RepoWrites {
    public static final String POST = "app.bsky.feed.post";
    /** A collection no lexicon describes: its records are stored unvalidated, so they can be large. */
    public static final String BULK = "dev.skein.test.bulk";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A write the PDS acknowledged.
     *
     * @param path the record's repo path, {@code <collection>/<rkey>}
     * @param cid the record's CID
     * @param commit the CID of the commit that wrote it
     * @param rev that commit's rev
     */
    public record Written(String path, Cid cid, Cid commit, Tid rev) {}

    /** The credentials a write is made with. */
    public record Writer(String did, String accessJwt) {}

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param base the PDS, e.g. {@code http://127.0.0.1:2583} */
    public RepoWrites(URI base) {
        this.base = base;
    }

    /** A new {@code app.bsky.feed.post}. */
    public Written post(Writer w, String text) throws IOException, InterruptedException {
        ObjectNode record = JSON.createObjectNode().put("text", text).put("createdAt", "2026-05-01T00:00:00.000Z");
        return create(w, POST, record);
    }

    /** A new record carrying {@code bytes} random-looking bytes (for frames past 64 KiB). */
    public Written bulk(Writer w, int bytes) throws IOException, InterruptedException {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        ObjectNode record = JSON.createObjectNode().put("$type", BULK);
        record.putObject("data").put("$bytes", Base64.getEncoder().withoutPadding().encodeToString(data));
        return create(w, BULK, record);
    }

    private Written create(Writer w, String collection, ObjectNode record) throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode().put("repo", w.did()).put("collection", collection);
        input.set("record", record);
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve("/xrpc/com.atproto.repo.createRecord"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + w.accessJwt())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(input), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("createRecord answered " + res.statusCode() + ": " + res.body());
        }
        JsonNode out = JSON.readTree(res.body());
        String uri = out.path("uri").asString();
        String path = uri.substring(uri.indexOf('/', "at://".length()) + 1);
        return new Written(path, Cid.parse(out.path("cid").asString()), Cid.parse(out.path("commit").path("cid").asString()),
                Tid.parse(out.path("commit").path("rev").asString()));
    }
}
