package dev.skein.pds;

import dev.skein.core.syntax.Did;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the repository contract tests share: helpers to write and read records, and the stored state of a
 * repository (root, rev, records) to check that a refused call changed nothing. Rate limits are off here
 * (the test clock never moves a window on); {@code RateLimitsH2Test} covers them.
 */
public abstract class RepoContract extends PdsContract {
    protected static final String POST = "app.bsky.feed.post";
    protected static final String PROFILE = "app.bsky.actor.profile";

    @DynamicPropertySource
    static void repoSettings(DynamicPropertyRegistry registry) {
        registry.add("skein.pds.rate-limits.enabled", () -> "false");
    }

    /** The stored state of a repository: its root and what it holds. */
    public record RepoSnapshot(String commit, String rev, long records, long blocks, long events, long blobs) {}

    protected RepoSnapshot snapshot(Did did) {
        List<String> root = pdsJdbcClient.sql("SELECT commit_cid, rev FROM repo_root WHERE did = ?").param(did.value())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        return new RepoSnapshot(root.get(0), root.get(1), count("record", did), count("repo_block", did),
                count("repo_seq", did), count("blob", did));
    }

    private long count(String table, Did did) {
        return pdsJdbcClient.sql("SELECT COUNT(*) FROM " + table + " WHERE did = ?").param(did.value()).query(Long.class).single();
    }

    /** A valid {@code app.bsky.feed.post}, without {@code $type} (the PDS adds it). */
    protected static ObjectNode post(String text) {
        return JSON.createObjectNode().put("text", text).put("createdAt", Instant.now().toString());
    }

    protected static ObjectNode input(Session s, String collection, JsonNode record) {
        ObjectNode in = JSON.createObjectNode().put("repo", s.did().value()).put("collection", collection);
        in.set("record", record);
        return in;
    }

    protected WebTestClient.ResponseSpec call(String nsid, Session s, JsonNode input) {
        return post(nsid, JSON.writeValueAsString(input), s.accessJwt());
    }

    protected JsonNode createRecord(Session s, String collection, JsonNode record) {
        return json(call("com.atproto.repo.createRecord", s, input(s, collection, record)).expectStatus().isOk());
    }

    protected JsonNode getRecord(Did did, String collection, String rkey) {
        return json(client().get().uri(b -> b.path("/xrpc/com.atproto.repo.getRecord").queryParam("repo", did.value())
                .queryParam("collection", collection).queryParam("rkey", rkey).build()).exchange().expectStatus().isOk());
    }

    protected WebTestClient.ResponseSpec query(String nsid, String... params) {
        return client().get().uri(b -> {
            b.path("/xrpc/" + nsid);
            for (int i = 0; i < params.length; i += 2) {
                b.queryParam(params[i], params[i + 1]);
            }
            return b.build();
        }).exchange();
    }

    protected WebTestClient.ResponseSpec upload(Session s, byte[] bytes, String contentType) {
        return client().post().uri("/xrpc/com.atproto.repo.uploadBlob").header("Authorization", "Bearer " + s.accessJwt())
                .contentType(MediaType.parseMediaType(contentType)).bodyValue(bytes).exchange();
    }

    protected static String rkeyOf(JsonNode output) {
        String uri = output.path("uri").asString();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
