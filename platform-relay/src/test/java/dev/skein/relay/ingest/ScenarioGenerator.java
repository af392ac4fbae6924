package dev.skein.relay.ingest;

import static dev.skein.relay.ingest.ScenarioBuilder.deferred;
import static dev.skein.relay.ingest.ScenarioBuilder.dropped;
import static dev.skein.relay.ingest.ScenarioBuilder.passed;
import static dev.skein.relay.ingest.ScenarioBuilder.passedAccount;
import static dev.skein.relay.ingest.ScenarioBuilder.passedIdentity;
import static dev.skein.relay.ingest.ScenarioBuilder.passedSync;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.testing.SimAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the relay's ingest scenarios from real signed commits ({@link SimAccount} over atproto-core's
 * {@code Repository}). Keys, revs and timestamps are derived from names and signatures are deterministic
 * (RFC 6979), so the output is the same on every run; {@code IngestScenarioTest} checks that the files under
 * {@code src/test/resources/scenarios} are exactly this output. Regenerate them with {@link #main}.
 */
final class ScenarioGenerator {
    static final String HOST_A = "pds-a.test";
    static final String HOST_B = "pds-b.test";
    static final String URL_A = "https://" + HOST_A;
    static final String URL_B = "https://" + HOST_B;
    static final String POST = "app.bsky.feed.post";
    static final String MESSAGE = "agent.comms.message";

    private ScenarioGenerator() {}

    static List<ObjectNode> all() {
        return List.of(validCommits(), badSignature(), wrongHost(), revOrder(), proofBlocks(), tamperedRecord(),
                prevDataMismatch(), accountStatus(), keyRotation(), resyncAfterGap(), frames(), hostLimits());
    }

    /** Writes every scenario to {@code args[0]} (default: this module's test resources). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "platform-relay/src/test/resources/scenarios");
        Files.createDirectories(dir);
        for (ObjectNode s : all()) {
            Files.writeString(dir.resolve(s.get("name").asString() + ".json"), render(s));
        }
    }

    static String render(ObjectNode scenario) {
        return ScenarioBuilder.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario) + "\n";
    }

    /** The four events a PDS sends for a new account, all passed. */
    static void genesis(ScenarioBuilder b, SimAccount a, String host) {
        b.send(host, "account created: #identity", seq -> new IdentityEvent(seq, a.did(), Tamper.TIME, new Handle(a.handle())),
                passedIdentity(a.handle()));
        b.send(host, "account created: #account active", seq -> new AccountEvent(seq, a.did(), Tamper.TIME, true, null),
                passedAccount(true, null));
        RepoCommit first = a.create(List.of());
        b.send(host, "account created: first commit (empty repository, no since, no prevData)",
                seq -> Tamper.event(first, seq), passed("#commit"));
        b.send(host, "account created: #sync of the first commit", seq -> first.toSyncEvent(seq, Tamper.TIME),
                passed("#sync"));
    }

    static ObjectNode validCommits() {
        ScenarioBuilder b = new ScenarioBuilder("valid-commits",
                "Accounts on two hosts (K-256 and P-256 keys) create, update and delete records; every frame passes.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        SimAccount bob = new SimAccount("bob", URL_B, Curve.P256);
        b.account(alice);
        b.account(bob);
        genesis(b, alice, HOST_A);
        genesis(b, bob, HOST_B);
        for (int i = 0; i < 5; i++) {
            RepoCommit c = alice.commit(alice.posts(POST, 3));
            b.send(HOST_A, "alice creates three posts", seq -> Tamper.event(c, seq), passed("#commit"));
            RepoCommit d = bob.commit(bob.posts(MESSAGE, 1));
            b.send(HOST_B, "bob sends a message", seq -> Tamper.event(d, seq), passed("#commit"));
        }
        String first = alice.repo().tree().list(null, null, 1, false).getFirst().key();
        RepoCommit upd = alice.commit(List.of(new RepoWrite.Update(new Nsid(POST),
                new dev.skein.core.syntax.RecordKey(first.substring(first.indexOf('/') + 1)), SimAccount.record(POST, "edited"))));
        b.send(HOST_A, "alice edits a post (update with prev)", seq -> Tamper.event(upd, seq), passed("#commit"));
        RepoCommit del = alice.commit(List.of(new RepoWrite.Delete(new Nsid(POST),
                new dev.skein.core.syntax.RecordKey(first.substring(first.indexOf('/') + 1)))));
        b.send(HOST_A, "alice deletes it (delete with prev)", seq -> Tamper.event(del, seq), passed("#commit"));
        RepoCommit empty = alice.commit(List.of());
        b.send(HOST_A, "an empty commit (new rev, same data) is legal", seq -> Tamper.event(empty, seq), passed("#commit"));
        RepoCommit many = alice.commit(alice.posts(MESSAGE, 50));
        b.send(HOST_A, "fifty creates in one commit", seq -> Tamper.event(many, seq), passed("#commit"));
        b.finalState(alice, "active", "synchronized");
        b.finalState(bob, "active", "synchronized");
        return b.build();
    }

    static ObjectNode badSignature() {
        ScenarioBuilder b = new ScenarioBuilder("bad-signature",
                "Commits and syncs signed by a key that is not the account's are dropped; the chain goes on from the last valid commit.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        SimAccount mallory = new SimAccount("mallory", URL_A, Curve.K256);
        b.account(alice);
        b.account(mallory);
        genesis(b, alice, HOST_A);
        RepoCommit ok = alice.commit(alice.posts(POST, 2));
        b.send(HOST_A, "a valid commit", seq -> Tamper.event(ok, seq), passed("#commit"));
        RepoCommit forged = alice.fork(alice.posts(POST, 1), mallory.key());
        b.send(HOST_A, "a commit of alice's repository signed with mallory's key", seq -> Tamper.event(forged, seq),
                dropped(DropReason.BAD_SIGNATURE));
        RepoCommit forgedP256 = alice.fork(alice.posts(POST, 1), SimAccount.keyFor("stranger", Curve.P256));
        b.send(HOST_A, "signed with an unrelated P-256 key", seq -> Tamper.event(forgedP256, seq),
                dropped(DropReason.BAD_SIGNATURE));
        b.send(HOST_A, "a #sync of the forged commit", seq -> forged.toSyncEvent(seq, Tamper.TIME),
                dropped(DropReason.BAD_SIGNATURE));
        RepoCommit next = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "the next honest commit continues from the last valid one", seq -> Tamper.event(next, seq),
                passed("#commit"));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode wrongHost() {
        ScenarioBuilder b = new ScenarioBuilder("wrong-host",
                "Repository and account events count only from the host the DID document names; #identity from any host; an account that moves follows its document.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        SimAccount carol = new SimAccount("carol", null, Curve.K256);
        b.account(carol);
        genesis(b, alice, HOST_A);
        RepoCommit c1 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_B, "alice's commit relayed by another host", seq -> Tamper.event(c1, seq), dropped(DropReason.WRONG_HOST));
        b.send(HOST_B, "an #account for alice from another host", seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, false, "takendown"),
                dropped(DropReason.WRONG_HOST));
        b.send(HOST_B, "an #identity for alice from another host is passed (any host may say an identity changed)",
                seq -> new IdentityEvent(seq, alice.did(), Tamper.TIME, null), passedIdentity(null));
        b.send(HOST_A, "the same commit from alice's own host", seq -> Tamper.event(c1, seq), passed("#commit"));
        alice.movePds(URL_B);
        b.identity(alice, "alice migrates: her DID document now names pds-b");
        RepoCommit c2 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_B, "her next commit from pds-b passes", seq -> Tamper.event(c2, seq), passed("#commit"));
        RepoCommit c3 = alice.fork(alice.posts(POST, 1), alice.key());
        b.send(HOST_A, "pds-a is no longer her host", seq -> Tamper.event(c3, seq), dropped(DropReason.WRONG_HOST));
        RepoCommit cc = carol.create(List.of());
        b.send(HOST_A, "carol's DID document names no PDS", seq -> Tamper.event(cc, seq), dropped(DropReason.WRONG_HOST));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode revOrder() {
        ScenarioBuilder b = new ScenarioBuilder("rev-order",
                "Revs must increase: a replayed or older commit is dropped, as is a rev more than five minutes in the future.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        RepoCommit c1 = alice.commit(alice.posts(POST, 1));
        RepoCommit c2 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "commit 1", seq -> Tamper.event(c1, seq), passed("#commit"));
        b.send(HOST_A, "commit 2", seq -> Tamper.event(c2, seq), passed("#commit"));
        b.send(HOST_A, "commit 1 again, under a new upstream seq: its rev goes backwards", seq -> Tamper.event(c1, seq),
                dropped(DropReason.REV_NOT_NEWER));
        b.send(HOST_A, "commit 2 again: same rev as the last", seq -> Tamper.event(c2, seq), dropped(DropReason.REV_NOT_NEWER));
        b.send(HOST_A, "a #sync of commit 1: older than the last rev", seq -> c1.toSyncEvent(seq, Tamper.TIME),
                dropped(DropReason.REV_NOT_NEWER));
        b.send(HOST_A, "a #sync of commit 2 confirms the current state: passed", seq -> c2.toSyncEvent(seq, Tamper.TIME),
                passed("#sync"));
        RepoCommit other = c1.repository().apply(alice.posts(POST, 1), c2.commit().rev(), alice.key());
        b.send(HOST_A, "a #sync with the last rev but another commit", seq -> other.toSyncEvent(seq, Tamper.TIME),
                dropped(DropReason.REV_NOT_NEWER));
        long inAnHour = java.time.Instant.parse(ScenarioBuilder.NOW).plusSeconds(3600).toEpochMilli() * 1000;
        RepoCommit future = alice.forkAt(alice.posts(POST, 1), Tid.of(inAnHour, 7));
        b.send(HOST_A, "a commit whose rev is an hour ahead of the relay's clock", seq -> Tamper.event(future, seq),
                dropped(DropReason.REV_IN_FUTURE));
        long inTwoMinutes = java.time.Instant.parse(ScenarioBuilder.NOW).plusSeconds(120).toEpochMilli() * 1000;
        RepoCommit drift = alice.forkAt(alice.posts(POST, 1), Tid.of(inTwoMinutes, 7));
        b.send(HOST_A, "two minutes ahead is within the drift tolerance", seq -> Tamper.event(drift, seq), passed("#commit"));
        b.finalState(alice.did(), drift.commit().rev().value(), drift.commit().data().toString(), "active", "synchronized");
        return b.build();
    }

    static ObjectNode proofBlocks() {
        ScenarioBuilder b = new ScenarioBuilder("proof-blocks",
                "Sync 1.1 proofs: a slice without an MST node the inversion needs, without a record block, without prevData or an op's prev, or with deprecated flags or a rev that differs from the commit's, is dropped.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        RepoCommit bulk = alice.commit(alice.posts(POST, 120));
        b.send(HOST_A, "a hundred and twenty posts, so the tree has several levels", seq -> Tamper.event(bulk, seq), passed("#commit"));
        RepoCommit c = alice.fork(alice.posts(POST, 1), alice.key());
        String path = c.ops().getFirst().path();
        b.send(HOST_A, "the slice lacks the MST node on the new record's path",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.without(c.slice(), Tamper.proofNode(c, path))),
                dropped(DropReason.MISSING_PROOF_BLOCK));
        b.send(HOST_A, "the slice lacks the MST root",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.without(c.slice(), c.commit().data())),
                dropped(DropReason.MISSING_PROOF_BLOCK));
        b.send(HOST_A, "the slice lacks the created record's block",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.without(c.slice(), c.ops().getFirst().cid())),
                dropped(DropReason.MISSING_RECORD_BLOCK));
        b.send(HOST_A, "the slice lacks the commit block",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.without(c.slice(), c.cid())),
                dropped(DropReason.INVALID_COMMIT));
        b.send(HOST_A, "prevData left out after the first commit", seq -> Tamper.withPrevData(Tamper.event(c, seq), null),
                dropped(DropReason.MISSING_PREV));
        String first = alice.repo().tree().list(null, null, 1, false).getFirst().key();
        RepoCommit upd = alice.fork(List.of(new RepoWrite.Update(new Nsid(POST),
                new dev.skein.core.syntax.RecordKey(first.substring(first.indexOf('/') + 1)), SimAccount.record(POST, "edited"))), alice.key());
        b.send(HOST_A, "an update without prev", seq -> {
            CommitEvent e = Tamper.event(upd, seq);
            RepoOp op = e.ops().getFirst();
            return Tamper.withOps(e, List.of(new RepoOp(op.action(), op.path(), op.cid(), null)));
        }, dropped(DropReason.MISSING_PREV));
        b.send(HOST_A, "rebase set", seq -> Tamper.rebased(Tamper.event(c, seq)), dropped(DropReason.DEPRECATED_FLAG));
        b.send(HOST_A, "the event's rev is not the signed commit's",
                seq -> Tamper.withRev(Tamper.event(c, seq), alice.nextRev()), dropped(DropReason.FIELD_MISMATCH));
        b.send(HOST_A, "the slice is not a CAR at all",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), new byte[] {1, 2, 3}), dropped(DropReason.INVALID_CAR));
        b.send(HOST_A, "a signed commit whose MST root node is malformed (keys out of order)",
                seq -> Tamper.malformedTree(seq, alice.did(), alice.key(), alice.nextRev(), bulk.commit().rev(), bulk.commit().data()),
                dropped(DropReason.INVALID_MST));
        b.send(HOST_A, "the untouched commit passes", seq -> Tamper.event(c, seq), passed("#commit"));
        b.finalState(alice.did(), c.commit().rev().value(), c.commit().data().toString(), "active", "synchronized");
        return b.build();
    }

    static ObjectNode tamperedRecord() {
        ScenarioBuilder b = new ScenarioBuilder("tampered-record",
                "A record block whose bytes no longer hash to its CID, or a record swapped for another, is dropped.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        RepoCommit c = alice.commit(alice.posts(MESSAGE, 2));
        b.send(HOST_A, "a record's bytes changed in the slice, filed under its old CID",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.corrupted(c.slice(), c.ops().getFirst().cid())),
                dropped(DropReason.INVALID_CAR));
        b.send(HOST_A, "the commit block's bytes changed",
                seq -> Tamper.withBlocks(Tamper.event(c, seq), Tamper.corrupted(c.slice(), c.cid())),
                dropped(DropReason.INVALID_CAR));
        b.send(HOST_A, "an op points at the other record's CID", seq -> {
            CommitEvent e = Tamper.event(c, seq);
            RepoOp a = e.ops().get(0);
            RepoOp other = e.ops().get(1);
            return Tamper.withOps(e, List.of(RepoOp.create(a.path(), other.cid()), other));
        }, dropped(DropReason.OP_MISMATCH));
        b.send(HOST_A, "the untouched commit passes", seq -> Tamper.event(c, seq), passed("#commit"));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode prevDataMismatch() {
        ScenarioBuilder b = new ScenarioBuilder("prevdata-mismatch",
                "prevData that the operations do not invert to, or operations left out of the list, are dropped.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        RepoCommit c1 = alice.commit(alice.posts(POST, 3));
        b.send(HOST_A, "commit 1", seq -> Tamper.event(c1, seq), passed("#commit"));
        RepoCommit c2 = alice.commit(alice.posts(POST, 2));
        b.send(HOST_A, "prevData claims the tree of the first commit",
                seq -> Tamper.withPrevData(Tamper.event(c2, seq), c1.prevData()), dropped(DropReason.INVERSION_MISMATCH));
        b.send(HOST_A, "one of the two creates is left out of ops",
                seq -> { CommitEvent e = Tamper.event(c2, seq); return Tamper.withOps(e, List.of(e.ops().getFirst())); },
                dropped(DropReason.INVERSION_MISMATCH));
        b.send(HOST_A, "the honest commit passes", seq -> Tamper.event(c2, seq), passed("#commit"));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode accountStatus() {
        ScenarioBuilder b = new ScenarioBuilder("account-status",
                "Events of inactive accounts are dropped: deactivated and taken down upstream, taken down by the relay (which overrides), deleted with its DID gone.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        SimAccount bob = new SimAccount("bob", URL_A, Curve.K256);
        b.account(alice);
        b.account(bob);
        genesis(b, alice, HOST_A);
        genesis(b, bob, HOST_A);
        b.send(HOST_A, "alice deactivates", seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, false, "deactivated"),
                passedAccount(false, "deactivated"));
        RepoCommit during = alice.fork(alice.posts(POST, 1), alice.key());
        b.send(HOST_A, "a commit while deactivated", seq -> Tamper.event(during, seq), dropped(DropReason.ACCOUNT_INACTIVE));
        b.send(HOST_A, "a #sync while deactivated", seq -> during.toSyncEvent(seq, Tamper.TIME), dropped(DropReason.ACCOUNT_INACTIVE));
        b.send(HOST_A, "alice reactivates", seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, true, null),
                passedAccount(true, null));
        RepoCommit after = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "her commits pass again", seq -> Tamper.event(after, seq), passed("#commit"));
        b.send(HOST_A, "inactive without a status counts as deactivated",
                seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, false, null), passedAccount(false, "deactivated"));
        b.send(HOST_A, "active again", seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, true, null), passedAccount(true, null));
        b.takedown(alice.did(), true, "the relay's operator takes alice down", passedAccount(false, "takendown"));
        RepoCommit tdc = alice.fork(alice.posts(POST, 1), alice.key());
        b.send(HOST_A, "a commit while taken down here", seq -> Tamper.event(tdc, seq), dropped(DropReason.ACCOUNT_INACTIVE));
        b.send(HOST_A, "her PDS says she is active: the relay's takedown still wins",
                seq -> new AccountEvent(seq, alice.did(), Tamper.TIME, true, null), passedAccount(false, "takendown"));
        b.takedown(alice.did(), false, "the operator lifts the takedown", passedAccount(true, null));
        RepoCommit back = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "her commits pass again", seq -> Tamper.event(back, seq), passed("#commit"));
        b.send(HOST_A, "bob is taken down by his PDS", seq -> new AccountEvent(seq, bob.did(), Tamper.TIME, false, "takendown"),
                passedAccount(false, "takendown"));
        RepoCommit bc = bob.fork(bob.posts(POST, 1), bob.key());
        b.send(HOST_A, "a commit of a taken-down account", seq -> Tamper.event(bc, seq), dropped(DropReason.ACCOUNT_INACTIVE));
        b.tombstone(bob.did(), "bob's DID is tombstoned");
        b.send(HOST_A, "his host says he is deleted: passed although his DID no longer resolves",
                seq -> new AccountEvent(seq, bob.did(), Tamper.TIME, false, "deleted"), passedAccount(false, "deleted"));
        b.finalState(alice, "active", "synchronized");
        b.finalState(bob, "deleted", "synchronized");
        return b.build();
    }

    static ObjectNode keyRotation() {
        ScenarioBuilder b = new ScenarioBuilder("key-rotation",
                "An #identity event makes the relay re-resolve the DID and verify with the new key; a commit signed with a new key also passes before the #identity arrives; the old key no longer does; a handle the document does not claim is not passed on.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        RepoCommit c1 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "a commit with the first key", seq -> Tamper.event(c1, seq), passed("#commit"));
        var oldKey = alice.key();
        alice.rotateKey(SimAccount.keyFor("alice#2", Curve.P256));
        b.identity(alice, "alice rotates her signing key (now P-256) in the PLC directory");
        b.send(HOST_A, "#identity: the relay refreshes her document",
                seq -> new IdentityEvent(seq, alice.did(), Tamper.TIME, new Handle(alice.handle())), passedIdentity(alice.handle()));
        RepoCommit c2 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "a commit with the new key", seq -> Tamper.event(c2, seq), passed("#commit"));
        RepoCommit stale = alice.fork(alice.posts(POST, 1), oldKey);
        b.send(HOST_A, "a commit still signed with the old key", seq -> Tamper.event(stale, seq), dropped(DropReason.BAD_SIGNATURE));
        alice.rotateKey(SimAccount.keyFor("alice#3", Curve.K256));
        b.identity(alice, "she rotates again; this time no #identity comes before her next commit");
        RepoCommit c3 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "the signature fails with the cached key, so the relay re-resolves once and it verifies",
                seq -> Tamper.event(c3, seq), passed("#commit"));
        b.send(HOST_A, "an #identity naming a handle her document does not claim: passed without the handle",
                seq -> new IdentityEvent(seq, alice.did(), Tamper.TIME, new Handle("someone-else.test")), passedIdentity(null));
        b.identity(alice.did(), alice.handle(), null, alice.pds(), "her document loses its signing key");
        b.send(HOST_A, "#identity", seq -> new IdentityEvent(seq, alice.did(), Tamper.TIME, null), passedIdentity(null));
        RepoCommit c4 = alice.fork(alice.posts(POST, 1), alice.key());
        b.send(HOST_A, "no key, no commit", seq -> Tamper.event(c4, seq), dropped(DropReason.NO_SIGNING_KEY));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode resyncAfterGap() {
        ScenarioBuilder b = new ScenarioBuilder("resync-after-gap",
                "A commit whose since/prevData skip a commit breaks the chain: the account is desynchronised, resynchronised from getRepo, and a #sync announces the new state. Events that arrive while the resync cannot be done wait, and are dropped when it fails.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        SimAccount bob = new SimAccount("bob", URL_A, Curve.K256);
        b.account(alice);
        b.account(bob);
        genesis(b, alice, HOST_A);
        RepoCommit a1 = alice.commit(alice.posts(POST, 2));
        b.send(HOST_A, "alice commit 1", seq -> Tamper.event(a1, seq), passed("#commit"));
        alice.commit(alice.posts(POST, 1));
        RepoCommit a3 = alice.commit(alice.posts(POST, 1));
        b.repo(alice, "her PDS serves her repository as of commit 3");
        b.send(HOST_A, "commit 2 never arrives; commit 3 does not continue commit 1", seq -> Tamper.event(a3, seq),
                dropped(DropReason.CHAIN_BROKEN), passedSync(a3.commit().rev().value()));
        RepoCommit a4 = alice.commit(alice.posts(POST, 1));
        b.send(HOST_A, "commit 4 continues the resynchronised state", seq -> Tamper.event(a4, seq), passed("#commit"));

        genesis(b, bob, HOST_A);
        RepoCommit b1 = bob.commit(bob.posts(POST, 1));
        b.send(HOST_A, "bob commit 1", seq -> Tamper.event(b1, seq), passed("#commit"));
        bob.commit(bob.posts(POST, 1));
        RepoCommit b3 = bob.commit(bob.posts(POST, 1));
        b.send(HOST_A, "bob's chain breaks too, but his PDS does not serve getRepo: the resync fails",
                seq -> Tamper.event(b3, seq), dropped(DropReason.CHAIN_BROKEN));
        RepoCommit b4 = bob.commit(bob.posts(POST, 1));
        b.send(HOST_A, "his next commit waits for a resync, which fails again, so it is dropped", seq -> Tamper.event(b4, seq),
                deferred(), dropped(DropReason.DESYNCHRONIZED));
        RepoCommit b5 = bob.commit(bob.posts(POST, 1));
        b.repo(bob, "his PDS serves getRepo again (as of commit 5)");
        b.send(HOST_A, "commit 5 waits, the resync succeeds and announces commit 5 with a #sync; the waiting commit is then not newer",
                seq -> Tamper.event(b5, seq), deferred(), passedSync(b5.commit().rev().value()), dropped(DropReason.REV_NOT_NEWER));
        RepoCommit b6 = bob.commit(bob.posts(POST, 1));
        b.send(HOST_A, "commit 6 passes", seq -> Tamper.event(b6, seq), passed("#commit"));
        b.finalState(alice, "active", "synchronized");
        b.finalState(bob, "active", "synchronized");
        return b.build();
    }

    static ObjectNode frames() {
        ScenarioBuilder b = new ScenarioBuilder("frames",
                "Frames that are not events to pass: malformed, of unknown type, #info, error frames, upstream seqs that do not increase, DIDs that do not resolve.");
        SimAccount alice = new SimAccount("alice", URL_A, Curve.K256);
        SimAccount dave = new SimAccount("dave", URL_A, Curve.K256);
        b.account(alice);
        genesis(b, alice, HOST_A);
        b.sendBytes(HOST_A, "not DRISL at all", new byte[] {(byte) 0xff, 0x00, 0x13}, dropped(DropReason.INVALID_FRAME));
        b.sendBytes(HOST_A, "a message type no lexicon defines", ScenarioBuilder.unknownFrame("#futureThing"),
                dropped(DropReason.UNKNOWN_MESSAGE));
        b.sendBytes(HOST_A, "an #info message", new InfoEvent(InfoEvent.OUTDATED_CURSOR, "old cursor").encode(),
                dropped(DropReason.UPSTREAM_INFO));
        b.sendBytes(HOST_A, "an error frame", new ErrorFrame(ErrorFrame.FUTURE_CURSOR, "Cursor in the future.").encode(),
                dropped(DropReason.UPSTREAM_ERROR));
        RepoCommit c1 = alice.commit(alice.posts(POST, 1));
        long last = b.lastSeq(HOST_A);
        b.sendAt(HOST_A, last, "a valid commit but with the upstream seq of the previous frame",
                seq -> Tamper.event(c1, seq), dropped(DropReason.SEQ_NOT_INCREASING));
        b.send(HOST_A, "the same commit with the next seq", seq -> Tamper.event(c1, seq), passed("#commit"));
        RepoCommit dc = dave.create(List.of());
        b.send(HOST_A, "dave's DID does not resolve", seq -> Tamper.event(dc, seq), dropped(DropReason.IDENTITY_UNRESOLVED));
        b.send(HOST_A, "nor does his #account", seq -> new AccountEvent(seq, dave.did(), Tamper.TIME, true, null),
                dropped(DropReason.IDENTITY_UNRESOLVED));
        b.send(HOST_A, "but his #identity is passed on", seq -> new IdentityEvent(seq, dave.did(), Tamper.TIME, null),
                passedIdentity(null));
        b.finalState(alice, "active", "synchronized");
        return b.build();
    }

    static ObjectNode hostLimits() {
        ScenarioBuilder b = new ScenarioBuilder("host-limits",
                "A host may bring at most its account limit of accounts (two here); events of further accounts are dropped.")
                .hostAccountLimit(2);
        List<SimAccount> users = new ArrayList<>();
        for (String n : List.of("ann", "ben", "cat")) {
            SimAccount u = new SimAccount(n, URL_A, Curve.K256);
            b.account(u);
            users.add(u);
        }
        genesis(b, users.get(0), HOST_A);
        genesis(b, users.get(1), HOST_A);
        SimAccount cat = users.get(2);
        b.send(HOST_A, "a third account's #account", seq -> new AccountEvent(seq, cat.did(), Tamper.TIME, true, null),
                dropped(DropReason.HOST_ACCOUNT_LIMIT));
        RepoCommit cc = cat.create(List.of());
        b.send(HOST_A, "its first commit", seq -> Tamper.event(cc, seq), dropped(DropReason.HOST_ACCOUNT_LIMIT));
        RepoCommit more = users.get(0).commit(users.get(0).posts(POST, 1));
        b.send(HOST_A, "the first two accounts go on", seq -> Tamper.event(more, seq), passed("#commit"));
        b.finalState(users.get(0), "active", "synchronized");
        return b.build();
    }
}
