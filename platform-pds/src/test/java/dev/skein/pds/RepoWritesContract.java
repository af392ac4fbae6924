package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.repo.Commit;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.pds.account.SigningKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record writes of atproto-checklist 5.6: createRecord, putRecord, deleteRecord and applyWrites, their
 * swaps, no-ops, validation flag, {@code $type} and record keys, and the commits and events they make.
 */
public abstract class RepoWritesContract extends RepoContract {
    @Autowired
    SigningKeys keys;

    private List<CommitEvent> commits(Did did) {
        List<CommitEvent> out = new ArrayList<>();
        for (FirehoseFrame f : events(did)) {
            if (f instanceof CommitEvent c) {
                out.add(c);
            }
        }
        return out;
    }

    private PublicKey key(Did did) {
        return keys.load(did).publicKey();
    }

    @Test
    void createRecordMakesOneSignedCommitAndOneEvent() {
        Session s = createAccount();
        RepoSnapshot before = snapshot(s.did());
        JsonNode out = createRecord(s, POST, post("hello"));

        String rkey = rkeyOf(out);
        Tid.parse(rkey);
        assertThat(out.path("uri").asString()).isEqualTo("at://" + s.did() + "/" + POST + "/" + rkey);
        assertThat(out.path("validationStatus").asString()).isEqualTo("valid");
        RepoSnapshot after = snapshot(s.did());
        assertThat(out.path("commit").path("cid").asString()).isEqualTo(after.commit());
        assertThat(out.path("commit").path("rev").asString()).isEqualTo(after.rev()).isGreaterThan(before.rev());
        assertThat(after.records()).isEqualTo(before.records() + 1);

        CommitEvent event = commits(s.did()).getLast();
        assertThat(event.commit().toString()).isEqualTo(after.commit());
        assertThat(event.since().value()).isEqualTo(before.rev());
        assertThat(event.ops()).containsExactly(RepoOp.create(POST + "/" + rkey, dev.skein.core.cid.Cid.parse(out.path("cid").asString())));
        CommitVerifier.verify(event, key(s.did()));

        JsonNode read = getRecord(s.did(), POST, rkey);
        assertThat(read.path("cid").asString()).isEqualTo(out.path("cid").asString());
        assertThat(read.path("value").path("$type").asString()).as("$type added").isEqualTo(POST);
        assertThat(read.path("value").path("text").asString()).isEqualTo("hello");
    }

    @Test
    void typeMustNameTheCollection() {
        Session s = createAccount();
        RepoSnapshot before = snapshot(s.did());
        ObjectNode wrong = post("x").put("$type", "app.bsky.feed.like");
        JsonNode e = error(call("com.atproto.repo.createRecord", s, input(s, POST, wrong)), 400, "InvalidRequest");
        assertThat(e.path("message").asString()).contains("Invalid $type");
        error(call("com.atproto.repo.createRecord", s, input(s, POST, wrong).put("validate", false)), 400, "InvalidRequest");
        assertThat(snapshot(s.did())).isEqualTo(before);
        JsonNode typed = createRecord(s, POST, post("y").put("$type", POST));
        assertThat(typed.path("validationStatus").asString()).isEqualTo("valid");
    }

    @Test
    void theValidateFlagDecidesWhatIsCheckedAndReported() {
        Session s = createAccount();
        ObjectNode unknown = JSON.createObjectNode().put("anything", "goes");
        JsonNode optimistic = createRecord(s, "com.example.thing", unknown);
        assertThat(optimistic.path("validationStatus").asString()).isEqualTo("unknown");
        JsonNode skipped = json(call("com.atproto.repo.createRecord", s, input(s, "com.example.thing", unknown).put("validate", false))
                .expectStatus().isOk());
        assertThat(skipped.has("validationStatus")).isFalse();
        RepoSnapshot before = snapshot(s.did());
        JsonNode required = error(call("com.atproto.repo.createRecord", s, input(s, "com.example.thing", unknown).put("validate", true)),
                400, "InvalidRequest");
        assertThat(required.path("message").asString()).contains("Lexicon not found");

        ObjectNode invalid = JSON.createObjectNode().put("text", "no date");
        JsonNode e = error(call("com.atproto.repo.createRecord", s, input(s, POST, invalid)), 400, "InvalidRequest");
        assertThat(e.path("message").asString()).contains("createdAt");
        ObjectNode tooLong = post("x".repeat(301));
        assertThat(error(call("com.atproto.repo.createRecord", s, input(s, POST, tooLong)), 400, "InvalidRequest")
                .path("message").asString()).contains("text");
        assertThat(snapshot(s.did())).isEqualTo(before);

        JsonNode unchecked = json(call("com.atproto.repo.createRecord", s, input(s, POST, invalid).put("validate", false))
                .expectStatus().isOk());
        assertThat(unchecked.has("validationStatus")).isFalse();
    }

    @Test
    void recordKeysMustFitTheCollectionsKeyType() {
        Session s = createAccount();
        RepoSnapshot before = snapshot(s.did());
        ObjectNode in = input(s, POST, post("x")).put("rkey", "self");
        assertThat(error(call("com.atproto.repo.createRecord", s, in), 400, "InvalidRequest").path("message").asString())
                .contains("Record key");
        ObjectNode profile = JSON.createObjectNode().put("displayName", "Agent");
        error(call("com.atproto.repo.createRecord", s, input(s, PROFILE, profile).put("rkey", "other")), 400, "InvalidRequest");
        assertThat(snapshot(s.did())).isEqualTo(before);

        JsonNode created = createRecord(s, PROFILE, profile);
        assertThat(rkeyOf(created)).as("a literal key is used when none is given").isEqualTo("self");
        JsonNode again = json(call("com.atproto.repo.createRecord", s, input(s, POST, post("chosen")).put("rkey", "3jzfcijpj2z2a"))
                .expectStatus().isOk());
        assertThat(rkeyOf(again)).isEqualTo("3jzfcijpj2z2a");
        RepoSnapshot mid = snapshot(s.did());
        error(call("com.atproto.repo.createRecord", s, input(s, POST, post("dup")).put("rkey", "3jzfcijpj2z2a")), 400, "InvalidRequest");
        assertThat(snapshot(s.did())).isEqualTo(mid);
    }

    @Test
    void putRecordCreatesReplacesAndSkipsIdenticalContent() {
        Session s = createAccount();
        ObjectNode profile = JSON.createObjectNode().put("displayName", "One");
        ObjectNode in = input(s, PROFILE, profile).put("rkey", "self");
        in.putNull("swapRecord");
        JsonNode created = json(call("com.atproto.repo.putRecord", s, in).expectStatus().isOk());
        assertThat(created.path("commit").path("rev").isString()).isTrue();
        String cid1 = created.path("cid").asString();

        RepoSnapshot before = snapshot(s.did());
        JsonNode again = error(call("com.atproto.repo.putRecord", s, in), 400, "InvalidSwap");
        assertThat(again.path("message").asString()).contains(cid1);
        ObjectNode same = input(s, PROFILE, profile).put("rkey", "self");
        JsonNode noop = json(call("com.atproto.repo.putRecord", s, same).expectStatus().isOk());
        assertThat(noop.has("commit")).as("an identical put makes no commit").isFalse();
        assertThat(noop.path("cid").asString()).isEqualTo(cid1);
        assertThat(snapshot(s.did())).as("no commit, no event").isEqualTo(before);

        ObjectNode changed = input(s, PROFILE, JSON.createObjectNode().put("displayName", "Two")).put("rkey", "self")
                .put("swapRecord", "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
        error(call("com.atproto.repo.putRecord", s, changed), 400, "InvalidSwap");
        assertThat(snapshot(s.did())).isEqualTo(before);
        changed.put("swapRecord", cid1);
        JsonNode updated = json(call("com.atproto.repo.putRecord", s, changed).expectStatus().isOk());
        assertThat(updated.path("cid").asString()).isNotEqualTo(cid1);
        CommitEvent event = commits(s.did()).getLast();
        assertThat(event.ops().getFirst().action()).isEqualTo(RepoOp.Action.UPDATE);
        assertThat(event.ops().getFirst().prev().toString()).isEqualTo(cid1);
        CommitVerifier.verify(event, key(s.did()));
        assertThat(getRecord(s.did(), PROFILE, "self").path("value").path("displayName").asString()).isEqualTo("Two");
    }

    @Test
    void deleteRecordRemovesAndAMissingRecordIsNothingToDo() {
        Session s = createAccount();
        JsonNode created = createRecord(s, POST, post("bye"));
        String rkey = rkeyOf(created);
        ObjectNode del = JSON.createObjectNode().put("repo", s.did().value()).put("collection", POST).put("rkey", rkey);
        RepoSnapshot before = snapshot(s.did());
        error(call("com.atproto.repo.deleteRecord", s, del.deepCopy()
                .put("swapRecord", "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm")), 400, "InvalidSwap");
        assertThat(snapshot(s.did())).isEqualTo(before);

        JsonNode deleted = json(call("com.atproto.repo.deleteRecord", s, del.deepCopy()
                .put("swapRecord", created.path("cid").asString())).expectStatus().isOk());
        assertThat(deleted.path("commit").path("cid").asString()).isEqualTo(snapshot(s.did()).commit());
        assertThat(snapshot(s.did()).records()).isEqualTo(before.records() - 1);
        CommitEvent event = commits(s.did()).getLast();
        assertThat(event.ops().getFirst().action()).isEqualTo(RepoOp.Action.DELETE);
        CommitVerifier.verify(event, key(s.did()));

        RepoSnapshot gone = snapshot(s.did());
        JsonNode again = json(call("com.atproto.repo.deleteRecord", s, del).expectStatus().isOk());
        assertThat(again.has("commit")).isFalse();
        assertThat(snapshot(s.did())).isEqualTo(gone);
        error(query("com.atproto.repo.getRecord", "repo", s.did().value(), "collection", POST, "rkey", rkey), 400, "RecordNotFound");
    }

    @Test
    void swapCommitMustBeTheCurrentCommit() {
        Session s = createAccount();
        RepoSnapshot before = snapshot(s.did());
        ObjectNode stale = input(s, POST, post("x")).put("swapCommit", "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
        error(call("com.atproto.repo.createRecord", s, stale), 400, "InvalidSwap");
        assertThat(snapshot(s.did())).isEqualTo(before);
        ObjectNode current = input(s, POST, post("x")).put("swapCommit", before.commit());
        json(call("com.atproto.repo.createRecord", s, current).expectStatus().isOk());
    }

    @Test
    void applyWritesCommitsEverythingOnceOrNothing() {
        Session s = createAccount();
        String existing = rkeyOf(createRecord(s, POST, post("old")));
        String doomed = rkeyOf(createRecord(s, POST, post("doomed")));
        RepoSnapshot before = snapshot(s.did());

        ObjectNode in = JSON.createObjectNode().put("repo", s.did().value());
        ArrayNode writes = in.putArray("writes");
        writes.addObject().put("$type", "com.atproto.repo.applyWrites#create").put("collection", POST).set("value", post("new"));
        writes.addObject().put("$type", "com.atproto.repo.applyWrites#update").put("collection", POST).put("rkey", existing)
                .set("value", post("edited"));
        writes.addObject().put("$type", "com.atproto.repo.applyWrites#delete").put("collection", POST).put("rkey", doomed);
        JsonNode out = json(call("com.atproto.repo.applyWrites", s, in).expectStatus().isOk());
        assertThat(out.path("results").get(0).path("$type").asString()).isEqualTo("com.atproto.repo.applyWrites#createResult");
        assertThat(out.path("results").get(0).path("validationStatus").asString()).isEqualTo("valid");
        assertThat(out.path("results").get(1).path("$type").asString()).isEqualTo("com.atproto.repo.applyWrites#updateResult");
        assertThat(out.path("results").get(2).path("$type").asString()).isEqualTo("com.atproto.repo.applyWrites#deleteResult");
        RepoSnapshot after = snapshot(s.did());
        assertThat(after.events()).as("one commit, one event").isEqualTo(before.events() + 1);
        assertThat(after.records()).isEqualTo(before.records());
        CommitEvent event = commits(s.did()).getLast();
        assertThat(event.ops()).extracting(RepoOp::action)
                .containsExactly(RepoOp.Action.CREATE, RepoOp.Action.UPDATE, RepoOp.Action.DELETE);
        CommitVerifier.verify(event, key(s.did()));

        ObjectNode bad = JSON.createObjectNode().put("repo", s.did().value());
        ArrayNode badWrites = bad.putArray("writes");
        badWrites.addObject().put("$type", "com.atproto.repo.applyWrites#create").put("collection", POST).set("value", post("a"));
        badWrites.addObject().put("$type", "com.atproto.repo.applyWrites#delete").put("collection", POST).put("rkey", doomed);
        error(call("com.atproto.repo.applyWrites", s, bad), 400, "InvalidRequest");
        assertThat(snapshot(s.did())).as("all or nothing").isEqualTo(after);

        ObjectNode many = JSON.createObjectNode().put("repo", s.did().value());
        ArrayNode manyWrites = many.putArray("writes");
        for (int i = 0; i < 201; i++) {
            manyWrites.addObject().put("$type", "com.atproto.repo.applyWrites#create").put("collection", POST).set("value", post("n" + i));
        }
        assertThat(error(call("com.atproto.repo.applyWrites", s, many), 400, "InvalidRequest").path("message").asString())
                .isEqualTo("Too many writes. Max: 200");
        manyWrites.remove(200);
        JsonNode full = json(call("com.atproto.repo.applyWrites", s, many).expectStatus().isOk());
        assertThat(full.path("results").size()).isEqualTo(200);
        assertThat(snapshot(s.did()).records()).isEqualTo(after.records() + 200);
    }

    @Test
    void concurrentWritesBecomeOneCommitEachInAnUnbrokenChain() throws Exception {
        Session s = createAccount();
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = "post " + i;
                calls.add(CompletableFuture.supplyAsync(() -> createRecord(s, POST, post(text)), pool));
            }
            for (CompletableFuture<JsonNode> c : calls) {
                assertThat(c.get().path("commit").path("rev").isString()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        List<CommitEvent> commits = commits(s.did());
        assertThat(commits).hasSize(n + 1);
        PublicKey key = key(s.did());
        for (int i = 1; i < commits.size(); i++) {
            CommitEvent prev = commits.get(i - 1);
            CommitEvent c = commits.get(i);
            assertThat(c.rev()).isGreaterThan(prev.rev());
            assertThat(c.since()).isEqualTo(prev.rev());
            Commit previous = CommitVerifier.verify(prev, key).commit();
            assertThat(c.prevData()).as("each commit builds on the one before").isEqualTo(previous.data());
            CommitVerifier.verify(c, key);
        }
        assertThat(snapshot(s.did()).records()).isEqualTo(n);
        assertThat(snapshot(s.did()).commit()).isEqualTo(commits.getLast().commit().toString());
    }

    @Test
    void writesToAnotherAccountsRepoAreRefused() {
        Session alice = createAccount();
        Session bob = createAccount();
        RepoSnapshot before = snapshot(bob.did());
        ObjectNode in = input(bob, POST, post("not yours"));
        error(post("com.atproto.repo.createRecord", JSON.writeValueAsString(in), alice.accessJwt()), 401, "AuthenticationRequired");
        in.put("repo", bob.handle());
        error(post("com.atproto.repo.createRecord", JSON.writeValueAsString(in), alice.accessJwt()), 401, "AuthenticationRequired");
        assertThat(snapshot(bob.did())).isEqualTo(before);
        in.put("repo", alice.handle());
        JsonNode own = json(post("com.atproto.repo.createRecord", JSON.writeValueAsString(in), alice.accessJwt()).expectStatus().isOk());
        assertThat(own.path("uri").asString()).startsWith("at://" + alice.did());
    }

    @Test
    void deactivatedAccountsCannotWrite() {
        Session s = createAccount();
        post("com.atproto.server.deactivateAccount", "{}", s.accessJwt()).expectStatus().isOk();
        RepoSnapshot before = snapshot(s.did());
        error(call("com.atproto.repo.createRecord", s, input(s, POST, post("x"))), 400, "AccountDeactivated");
        assertThat(snapshot(s.did())).isEqualTo(before);
    }
}
