package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input to the repository methods: each gets the right XRPC error and status, and nothing stored
 * changes (the repository's root, rev, records, blocks, events and blobs are compared before and after).
 */
public abstract class BadInputContract extends RepoContract {
    private static final String CREATE = "com.atproto.repo.createRecord";

    /** Asserts the call fails with {@code status}/{@code name} and leaves the repository as it was. */
    private JsonNode refused(Session s, int status, String name, Supplier<WebTestClient.ResponseSpec> call) {
        RepoSnapshot before = snapshot(s.did());
        JsonNode e = error(call.get(), status, name);
        assertThat(e.path("message").isString()).as("a message comes with %s", e).isTrue();
        assertThat(snapshot(s.did())).as("nothing changed after %s", e).isEqualTo(before);
        return e;
    }

    private WebTestClient.ResponseSpec raw(Session s, String nsid, String body) {
        return post(nsid, body, s.accessJwt());
    }

    private Session withRecord() {
        Session s = createAccount();
        createRecord(s, POST, post("existing"));
        return s;
    }

    @Test
    void malformedJsonAndWrongTypesAreInvalidRequest() {
        Session s = withRecord();
        String repo = s.did().value();
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "{\"repo\":"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "[1,2]"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "{\"repo\":\"" + repo + "\",\"collection\":5,\"record\":{}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "{\"repo\":\"" + repo + "\",\"collection\":\"" + POST + "\",\"record\":\"text\"}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "{\"repo\":\"" + repo + "\",\"collection\":\"" + POST
                + "\",\"validate\":\"yes\",\"record\":{\"text\":\"x\",\"createdAt\":\"2024-01-01T00:00:00Z\"}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, "{\"repo\":\"" + repo + "\",\"collection\":\"" + POST + "\"}"));
        refused(s, 415, "UnsupportedMediaType", () -> client().post().uri("/xrpc/" + CREATE)
                .header("Authorization", "Bearer " + s.accessJwt()).contentType(MediaType.TEXT_PLAIN).bodyValue("{}").exchange());
        refused(s, 400, "InvalidRequest", () -> client().get().uri("/xrpc/" + CREATE)
                .header("Authorization", "Bearer " + s.accessJwt()).exchange());
    }

    @Test
    void recordsOutsideTheDataModelAreRefused() {
        Session s = withRecord();
        String repo = s.did().value();
        String head = "{\"repo\":\"" + repo + "\",\"collection\":\"com.example.free\",\"record\":";
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"n\":1.5}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"l\":{\"$link\":\"not-a-cid\"}}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"l\":{\"$link\":\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm\",\"x\":1}}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"b\":{\"$bytes\":\"***\"}}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"b\":{\"$bytes\":5}}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"$type\":5}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"$type\":\"\"}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"n\":123456789012345678901234567890}}"));
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + "{\"blob\":{\"$type\":\"blob\",\"ref\":\"x\",\"mimeType\":\"a/b\",\"size\":1}}}"));
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        refused(s, 400, "InvalidRequest", () -> raw(s, CREATE, head + deep + "}"));
        ObjectNode big = JSON.createObjectNode().put("text", "x".repeat(1_100_000));
        refused(s, 413, "PayloadTooLarge", () -> call(CREATE, s, input(s, "com.example.free", big)));
    }

    @Test
    void invalidNsidsAndRecordKeysAreRefused() {
        Session s = withRecord();
        for (String nsid : new String[] {"not-an-nsid", "com.example", "com.example.", "a..b.c", "com.exa mple.x"}) {
            refused(s, 400, "InvalidRequest", () -> call(CREATE, s, input(s, nsid, post("x"))));
        }
        for (String rkey : new String[] {".", "..", "a/b", "a b", "x".repeat(513), ""}) {
            refused(s, 400, "InvalidRequest", () -> call(CREATE, s, input(s, "com.example.free", post("x")).put("rkey", rkey)));
            ObjectNode put = input(s, "com.example.free", post("x")).put("rkey", rkey);
            refused(s, 400, "InvalidRequest", () -> call("com.atproto.repo.putRecord", s, put));
        }
        ObjectNode writes = JSON.createObjectNode().put("repo", s.did().value());
        writes.putArray("writes").addObject().put("$type", "com.atproto.repo.applyWrites#bogus").put("collection", POST)
                .set("value", post("x"));
        refused(s, 400, "InvalidRequest", () -> call("com.atproto.repo.applyWrites", s, writes));
        ObjectNode untyped = JSON.createObjectNode().put("repo", s.did().value());
        untyped.putArray("writes").addObject().put("collection", POST).set("value", post("x"));
        refused(s, 400, "InvalidRequest", () -> call("com.atproto.repo.applyWrites", s, untyped));
        refused(s, 400, "InvalidRequest", () -> query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST,
                "rkey", ".."));
    }

    @Test
    void oversizedOrMislabelledBlobsChangeNothingTheyShouldNot() {
        Session s = withRecord();
        refused(s, 413, "PayloadTooLarge", () -> upload(s, new byte[5 * 1024 * 1024 + 1], "image/png"));
        byte[] png = BlobsContract.png(400, 7);
        JsonNode blob = json(upload(s, png, "image/webp").expectStatus().isOk()).path("blob");
        assertThat(blob.path("mimeType").asString()).isEqualTo("image/png");
        ObjectNode claimed = (ObjectNode) blob.deepCopy();
        claimed.put("mimeType", "image/webp");
        ObjectNode record = post("pic");
        record.putObject("embed").put("$type", "app.bsky.embed.images").putArray("images").addObject().put("alt", "a")
                .set("image", claimed);
        refused(s, 400, "InvalidMimeType", () -> call(CREATE, s, input(s, POST, record)));
    }

    @Test
    void badCursorsAndUnknownMethodsAreRefused() {
        Session s = withRecord();
        refused(s, 400, "InvalidRequest", () -> query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST,
                "cursor", "a/b"));
        refused(s, 400, "InvalidRequest", () -> query("com.atproto.sync.listBlobs", "did", s.did().value(), "cursor", "zzz"));
        refused(s, 400, "InvalidRequest", () -> query("com.atproto.sync.listBlobs", "did", s.did().value(), "since", "yesterday"));
        refused(s, 501, "MethodNotImplemented", () -> raw(s, "com.atproto.repo.rebaseRepo", "{}"));
        refused(s, 501, "MethodNotImplemented", () -> query("com.example.nothing.here"));
        refused(s, 501, "MethodNotImplemented", () -> query("not..an.nsid"));
        refused(s, 404, "XRPCNotSupported", () -> query("a/b"));
    }

    @Test
    void forgedExpiredAndMissingTokensAreRefused() {
        Session s = withRecord();
        ObjectNode in = input(s, POST, post("x"));
        String body = JSON.writeValueAsString(in);
        refused(s, 401, "AuthMissing", () -> post(CREATE, body));
        String[] parts = s.accessJwt().split("\\.");
        String forgedSig = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        refused(s, 400, "InvalidToken", () -> post(CREATE, body, forgedSig));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace(s.did().value(), "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
        String forgedSubject = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        refused(s, 400, "InvalidToken", () -> post(CREATE, body, forgedSubject));
        refused(s, 400, "InvalidToken", () -> post(CREATE, body, "not.a.jwt"));
        refused(s, 400, "InvalidToken", () -> client().post().uri("/xrpc/" + CREATE).header("Authorization", "Basic abc")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange());
        refused(s, 400, "InvalidToken", () -> post(CREATE, body, s.refreshJwt()));
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        refused(s, 400, "ExpiredToken", () -> post(CREATE, body, s.accessJwt()));
    }

    @Test
    void anotherAccountsRepoIsRefused() {
        Session owner = withRecord();
        Session intruder = createAccount();
        ObjectNode in = input(owner, POST, post("x"));
        refused(owner, 401, "AuthenticationRequired", () -> post(CREATE, JSON.writeValueAsString(in), intruder.accessJwt()));
        ObjectNode put = input(owner, PROFILE, JSON.createObjectNode().put("displayName", "mine")).put("rkey", "self");
        refused(owner, 401, "AuthenticationRequired", () -> post("com.atproto.repo.putRecord", JSON.writeValueAsString(put),
                intruder.accessJwt()));
        ObjectNode del = JSON.createObjectNode().put("repo", owner.handle()).put("collection", POST).put("rkey", "3kaaaaaaaaa22");
        refused(owner, 401, "AuthenticationRequired", () -> post("com.atproto.repo.deleteRecord", JSON.writeValueAsString(del),
                intruder.accessJwt()));
        ObjectNode writes = JSON.createObjectNode().put("repo", owner.did().value());
        writes.putArray("writes");
        refused(owner, 401, "AuthenticationRequired", () -> post("com.atproto.repo.applyWrites", JSON.writeValueAsString(writes),
                intruder.accessJwt()));
        ObjectNode elsewhere = input(owner, POST, post("x")).put("repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
        refused(owner, 400, "InvalidRequest", () -> post(CREATE, JSON.writeValueAsString(elsewhere), intruder.accessJwt()));
    }
}
