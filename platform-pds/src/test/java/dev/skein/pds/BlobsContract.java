package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.pds.blob.BlobCollector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blobs: uploadBlob (type sniffing, size limit), records referencing them (only this account's uploads, with
 * their real type and size, within the lexicon's constraints), getBlob, listBlobs, listMissingBlobs, and the
 * collection of unreferenced blobs after the grace period.
 */
public abstract class BlobsContract extends RepoContract {
    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Autowired
    BlobCollector collector;

    static byte[] png(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        System.arraycopy(PNG_HEADER, 0, b, 0, PNG_HEADER.length);
        return b;
    }

    private JsonNode uploaded(Session s, byte[] bytes, String type) {
        return json(upload(s, bytes, type).expectStatus().isOk()).path("blob");
    }

    private static ObjectNode imagePost(JsonNode blob) {
        ObjectNode post = post("look");
        ObjectNode embed = post.putObject("embed").put("$type", "app.bsky.embed.images");
        embed.putArray("images").addObject().put("alt", "a picture").set("image", blob);
        return post;
    }

    @Test
    void uploadStoresTheBytesUnderTheirRawCidWithTheSniffedType() {
        Session s = createAccount();
        byte[] bytes = png(3000, 1);
        JsonNode blob = uploaded(s, bytes, "image/jpeg");
        assertThat(blob.path("$type").asString()).isEqualTo("blob");
        assertThat(blob.path("ref").path("$link").asString()).isEqualTo(Cid.ofRaw(bytes).toString()).startsWith("bafkrei");
        assertThat(blob.path("mimeType").asString()).as("sniffed, not declared").isEqualTo("image/png");
        assertThat(blob.path("size").asLong()).isEqualTo(3000);

        byte[] served = client().get().uri(b -> b.path("/xrpc/com.atproto.sync.getBlob").queryParam("did", s.did().value())
                        .queryParam("cid", Cid.ofRaw(bytes).toString()).build()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; sandbox")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(bytes);

        assertThat(uploaded(s, "just words".getBytes(StandardCharsets.UTF_8), "image/png").path("mimeType").asString())
                .isEqualTo("text/plain");
        assertThat(uploaded(s, "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8), "video/mp4").path("mimeType").asString())
                .isEqualTo("application/json");
        assertThat(uploaded(s, new byte[] {0, 1, 2, 3}, "image/gif").path("mimeType").asString())
                .isEqualTo("application/octet-stream");
        assertThat(uploaded(s, "a,b".getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8").path("mimeType").asString())
                .as("other types are kept as declared").isEqualTo("text/csv");
        error(query("com.atproto.repo.listMissingBlobs"), 401, "AuthMissing");
    }

    @Test
    void uploadsOverTheLimitArePayloadTooLarge() {
        Session s = createAccount();
        RepoSnapshot before = snapshot(s.did());
        error(upload(s, png(5 * 1024 * 1024 + 1, 2), "image/png"), 413, "PayloadTooLarge");
        assertThat(snapshot(s.did())).isEqualTo(before);
        error(client().post().uri("/xrpc/com.atproto.repo.uploadBlob").contentType(MediaType.IMAGE_PNG).bodyValue(png(10, 3))
                .exchange(), 401, "AuthMissing");
    }

    @Test
    void recordsMayReferenceOnlyTheirAccountsBlobsAsUploaded() {
        Session s = createAccount();
        Session other = createAccount();
        byte[] bytes = png(5000, 4);
        JsonNode blob = uploaded(s, bytes, "image/png");
        JsonNode theirs = uploaded(other, png(5000, 5), "image/png");
        RepoSnapshot before = snapshot(s.did());

        error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(theirs))), 400, "BlobNotFound");
        ObjectNode wrongType = (ObjectNode) blob.deepCopy();
        wrongType.put("mimeType", "image/jpeg");
        error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(wrongType))), 400, "InvalidMimeType");
        ObjectNode wrongSize = (ObjectNode) blob.deepCopy();
        wrongSize.put("size", 4999);
        error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(wrongSize))), 400, "InvalidBlob");
        ObjectNode legacy = JSON.createObjectNode().put("cid", blob.path("ref").path("$link").asString()).put("mimeType", "image/png");
        assertThat(error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(legacy)).put("validate", false)),
                400, "InvalidRequest").path("message").asString()).contains("Legacy blob");
        JsonNode text = uploaded(s, "not an image".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(text))), 400, "InvalidRequest")
                .path("message").asString()).contains("image");
        JsonNode big = uploaded(s, png(2_000_001, 6), "image/png");
        error(call("com.atproto.repo.createRecord", s, input(s, POST, imagePost(big))), 400, "InvalidRequest");
        RepoSnapshot after = snapshot(s.did());
        assertThat(after.records()).isEqualTo(before.records());
        assertThat(after.commit()).isEqualTo(before.commit());

        JsonNode created = createRecord(s, POST, imagePost(blob));
        assertThat(created.path("validationStatus").asString()).isEqualTo("valid");
        JsonNode listed = json(query("com.atproto.sync.listBlobs", "did", s.did().value()).expectStatus().isOk());
        assertThat(listed.path("cids")).extracting(JsonNode::asString).containsExactly(blob.path("ref").path("$link").asString());
        JsonNode since = json(query("com.atproto.sync.listBlobs", "did", s.did().value(), "since",
                created.path("commit").path("rev").asString()).expectStatus().isOk());
        assertThat(since.path("cids").size()).isZero();
        JsonNode missing = json(get("com.atproto.repo.listMissingBlobs", s.accessJwt()).expectStatus().isOk());
        assertThat(missing.path("blobs").size()).isZero();
    }

    @Test
    void listBlobsPagesByCid() {
        Session s = createAccount();
        for (int i = 0; i < 5; i++) {
            createRecord(s, POST, imagePost(uploaded(s, png(100 + i, 10 + i), "image/png")));
        }
        JsonNode first = json(query("com.atproto.sync.listBlobs", "did", s.did().value(), "limit", "3").expectStatus().isOk());
        assertThat(first.path("cids").size()).isEqualTo(3);
        JsonNode second = json(query("com.atproto.sync.listBlobs", "did", s.did().value(), "limit", "3",
                "cursor", first.path("cursor").asString()).expectStatus().isOk());
        assertThat(second.path("cids").size()).isEqualTo(2);
        assertThat(second.has("cursor")).isFalse();
        String[] all = new String[5];
        for (int i = 0; i < 3; i++) {
            all[i] = first.path("cids").get(i).asString();
        }
        all[3] = second.path("cids").get(0).asString();
        all[4] = second.path("cids").get(1).asString();
        String[] sorted = all.clone();
        Arrays.sort(sorted);
        assertThat(all).isEqualTo(sorted).doesNotHaveDuplicates();
        error(query("com.atproto.sync.listBlobs", "did", s.did().value(), "cursor", "not-a-cid"), 400, "InvalidRequest");
        error(query("com.atproto.sync.listBlobs", "did", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), 400, "RepoNotFound");
        error(query("com.atproto.sync.getBlob", "did", s.did().value(), "cid", Cid.ofRaw(new byte[] {9}).toString()), 400, "BlobNotFound");
    }

    @Test
    void unreferencedBlobsAreCollectedAfterTheGracePeriod() {
        Session s = createAccount();
        JsonNode unused = uploaded(s, png(700, 20), "image/png");
        JsonNode used = uploaded(s, png(800, 21), "image/png");
        JsonNode created = createRecord(s, POST, imagePost(used));
        assertThat(collector.collect()).as("nothing is old enough yet").isZero();

        clock.advance(Duration.ofMinutes(61));
        JsonNode fresh = uploaded(s, png(900, 22), "image/png");
        collector.collect();
        error(query("com.atproto.sync.getBlob", "did", s.did().value(), "cid", unused.path("ref").path("$link").asString()),
                400, "BlobNotFound");
        query("com.atproto.sync.getBlob", "did", s.did().value(), "cid", used.path("ref").path("$link").asString()).expectStatus().isOk();
        query("com.atproto.sync.getBlob", "did", s.did().value(), "cid", fresh.path("ref").path("$link").asString()).expectStatus().isOk();

        ObjectNode del = JSON.createObjectNode().put("repo", s.did().value()).put("collection", POST).put("rkey", rkeyOf(created));
        call("com.atproto.repo.deleteRecord", s, del).expectStatus().isOk();
        assertThat(collector.collect()).isEqualTo(1);
        error(query("com.atproto.sync.getBlob", "did", s.did().value(), "cid", used.path("ref").path("$link").asString()),
                400, "BlobNotFound");
        assertThat(snapshot(s.did()).blobs()).isEqualTo(1);
    }
}
