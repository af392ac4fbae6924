package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** getRecord, listRecords and describeRepo (atproto-checklist 5.7 to 5.9). */
public abstract class RepoReadsContract extends RepoContract {
    /** TIDs in ascending order, so that key order is known. */
    private static final List<String> KEYS = List.of("3kaaaaaaaaa22", "3kaaaaaaaab22", "3kaaaaaaaac22", "3kaaaaaaaad22",
            "3kaaaaaaaae22", "3kaaaaaaaaf22", "3kaaaaaaaag22");

    private Session withPosts() {
        Session s = createAccount();
        for (String k : KEYS) {
            json(call("com.atproto.repo.createRecord", s, input(s, POST, post("post " + k)).put("rkey", k)).expectStatus().isOk());
        }
        createRecord(s, "app.bsky.feed.like", JSON.createObjectNode().put("createdAt", "2024-01-01T00:00:00Z")
                .set("subject", JSON.createObjectNode().put("uri", "at://" + s.did() + "/" + POST + "/" + KEYS.get(0))
                        .put("cid", "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm")));
        return s;
    }

    @Test
    void getRecordServesTheCurrentVersionOnly() {
        Session s = createAccount();
        JsonNode created = createRecord(s, POST, post("v1"));
        String rkey = rkeyOf(created);
        JsonNode byHandle = json(query("com.atproto.repo.getRecord", "repo", s.handle(), "collection", POST, "rkey", rkey)
                .expectStatus().isOk());
        assertThat(byHandle.path("uri").asString()).isEqualTo("at://" + s.did() + "/" + POST + "/" + rkey);
        assertThat(byHandle.path("value").path("text").asString()).isEqualTo("v1");
        json(query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST, "rkey", rkey,
                "cid", created.path("cid").asString()).expectStatus().isOk());
        error(query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST, "rkey", rkey,
                "cid", "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"), 400, "RecordNotFound");
        error(query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST, "rkey", "3kaaaaaaaaa22"),
                400, "RecordNotFound");
        error(query("com.atproto.repo.getRecord", "repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "collection", POST, "rkey", rkey),
                400, "InvalidRequest");
    }

    /** Record keys list in byte order, as the MST orders them, whatever the database's collation. */
    @Test
    void listRecordsOrdersKeysByTheirBytes() {
        Session s = createAccount();
        String collection = "dev.skein.test.order";
        List<String> keys = List.of("-dash", ".dot", "0zero", "9nine", ":colon", "A", "Bb", "Z", "_under", "a", "b.b", "bA", "z", "~tilde");
        for (String k : List.of("bA", "z", "A", "~tilde", "0zero", ":colon", "_under", "-dash", "b.b", "Z", "a", ".dot", "9nine", "Bb")) {
            json(call("com.atproto.repo.createRecord", s, input(s, collection, JSON.createObjectNode().put("n", k))
                    .put("rkey", k)).expectStatus().isOk());
        }
        List<String> ascending = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = cursor == null
                    ? json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", collection,
                            "limit", "5", "reverse", "true").expectStatus().isOk())
                    : json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", collection,
                            "limit", "5", "reverse", "true", "cursor", cursor).expectStatus().isOk());
            page.path("records").forEach(r -> ascending.add(rkeyOf(r)));
            cursor = page.path("cursor").isMissingNode() || page.path("records").isEmpty() ? null : page.path("cursor").asString();
        } while (cursor != null);
        assertThat(ascending).containsExactlyElementsOf(keys);
        JsonNode descending = json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", collection,
                "limit", "100").expectStatus().isOk());
        List<String> down = new ArrayList<>();
        descending.path("records").forEach(r -> down.add(rkeyOf(r)));
        assertThat(down).containsExactlyElementsOf(keys.reversed());
    }

    @Test
    void listRecordsPagesByKeyDescendingUnlessReversed() {
        Session s = withPosts();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = cursor == null
                    ? json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "limit", "3").expectStatus().isOk())
                    : json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "limit", "3",
                            "cursor", cursor).expectStatus().isOk());
            page.path("records").forEach(r -> {
                seen.add(rkeyOf(r));
                assertThat(r.path("value").path("$type").asString()).isEqualTo(POST);
                assertThat(r.path("cid").asString()).startsWith("bafyrei");
            });
            cursor = page.has("cursor") ? page.path("cursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(KEYS.reversed());
        assertThat(pages).isEqualTo(3);

        JsonNode reversed = json(query("com.atproto.repo.listRecords", "repo", s.handle(), "collection", POST, "reverse", "true",
                "limit", "2", "cursor", KEYS.get(1)).expectStatus().isOk());
        assertThat(reversed.path("records")).extracting(RepoContract::rkeyOf).containsExactly(KEYS.get(2), KEYS.get(3));
        assertThat(reversed.path("cursor").asString()).isEqualTo(KEYS.get(3));

        JsonNode all = json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST).expectStatus().isOk());
        assertThat(all.path("records").size()).as("default limit 50").isEqualTo(KEYS.size());
        assertThat(all.has("cursor")).isFalse();
        JsonNode likes = json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", "app.bsky.feed.like")
                .expectStatus().isOk());
        assertThat(likes.path("records").size()).isEqualTo(1);
        JsonNode none = json(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", "app.bsky.graph.follow")
                .expectStatus().isOk());
        assertThat(none.path("records").size()).isZero();
    }

    @Test
    void listRecordsRefusesBadParameters() {
        Session s = createAccount();
        error(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "limit", "0"), 400, "InvalidRequest");
        error(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "limit", "101"), 400, "InvalidRequest");
        error(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "limit", "ten"), 400, "InvalidRequest");
        assertThat(error(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", POST, "cursor", "../x"),
                400, "InvalidRequest").path("message").asString()).contains("cursor");
        error(query("com.atproto.repo.listRecords", "repo", s.did().value(), "collection", "not an nsid"), 400, "InvalidRequest");
        error(query("com.atproto.repo.listRecords", "repo", "nobody.test", "collection", POST), 400, "InvalidRequest");
    }

    @Test
    void describeRepoHasTheDidDocumentAndCollections() {
        Session s = withPosts();
        JsonNode d = json(query("com.atproto.repo.describeRepo", "repo", s.handle()).expectStatus().isOk());
        assertThat(d.path("did").asString()).isEqualTo(s.did().value());
        assertThat(d.path("handle").asString()).isEqualTo(s.handle());
        assertThat(d.path("didDoc").path("id").asString()).isEqualTo(s.did().value());
        assertThat(d.path("didDoc").path("alsoKnownAs").get(0).asString()).isEqualTo("at://" + s.handle());
        assertThat(d.path("collections")).extracting(JsonNode::asString).containsExactly("app.bsky.feed.like", POST);
        assertThat(d.path("handleIsCorrect").asBoolean()).isTrue();

        error(query("com.atproto.repo.describeRepo", "repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), 400, "RepoNotFound");
        post("com.atproto.server.deactivateAccount", "{}", s.accessJwt()).expectStatus().isOk();
        error(query("com.atproto.repo.describeRepo", "repo", s.did().value()), 400, "RepoDeactivated");
        error(query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST, "rkey", KEYS.get(0)), 400, "InvalidRequest");
    }
}
