package dev.skein.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.mst.MstInversion;
import dev.skein.core.mst.MstOp;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sync 1.1 verification of {@code #commit} slices, and every way a tampered one must fail. */
class CommitVerifierTest {
    private static final SigningKey KEY = RepositoryTest.KEY;
    private static final PublicKey PUBLIC = KEY.publicKey();
    private final Random random = new Random(20261121);
    private long micros = 1_763_730_000_000_000L;
    private Repository repo;
    private final List<String> paths = new ArrayList<>();

    private Tid nextRev() {
        micros += 1000;
        return Tid.of(micros, 3);
    }

    private static MapValue record(String path, int version) {
        String collection = path.substring(0, path.indexOf('/'));
        return MapValue.builder().put("$type", collection).put("text", path + " v" + version).build();
    }

    private static RepoWrite write(String kind, String path, int version) {
        int slash = path.indexOf('/');
        Nsid collection = Nsid.parse(path.substring(0, slash));
        RecordKey rkey = RecordKey.parse(path.substring(slash + 1));
        return switch (kind) {
            case "create" -> new RepoWrite.Create(collection, rkey, record(path, version));
            case "update" -> new RepoWrite.Update(collection, rkey, record(path, version));
            default -> new RepoWrite.Delete(collection, rkey);
        };
    }

    @BeforeEach
    void populate() {
        repo = Repository.create(new MemoryBlockStore(), RepositoryTest.DID, nextRev(), List.of(), KEY).repository();
        for (int batch = 0; batch < 3; batch++) {
            List<RepoWrite> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String path = (i % 3 == 0 ? "app.bsky.feed.like/" : "app.bsky.feed.post/") + Tid.of(micros + batch * 1000 + i, 0);
                paths.add(path);
                writes.add(write("create", path, 0));
            }
            repo = repo.apply(writes, nextRev(), KEY).repository();
        }
    }

    /** A commit of {@code n} random creates, updates and deletes on the populated repository. */
    private RepoCommit randomCommit(int n) {
        List<RepoWrite> writes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        while (writes.size() < n) {
            int kind = random.nextInt(3);
            if (kind == 0 || paths.isEmpty()) {
                String path = "app.bsky.feed.post/" + Tid.of(micros + 500 + random.nextInt(1_000_000), random.nextInt(1024));
                if (used.add(path) && !paths.contains(path)) {
                    writes.add(write("create", path, 0));
                }
            } else {
                String path = paths.get(random.nextInt(paths.size()));
                if (used.add(path)) {
                    writes.add(write(kind == 1 ? "update" : "delete", path, random.nextInt(1000) + 1));
                }
            }
        }
        RepoCommit c = repo.apply(writes, nextRev(), KEY);
        for (RepoOp op : c.ops()) {
            switch (op.action()) {
                case CREATE -> paths.add(op.path());
                case DELETE -> paths.remove(op.path());
                case UPDATE -> { }
            }
        }
        repo = c.repository();
        return c;
    }

    private static CommitVerificationException.Reason reasonOf(ThrowingCallable call) {
        CommitVerificationException e = catchThrowableOfType(CommitVerificationException.class, call);
        assertThat(e).as("verification must fail").isNotNull();
        return e.reason();
    }

    private static CommitEvent withBlocks(CommitEvent e, byte[] blocks) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), blocks, e.ops(),
                e.blobs(), e.prevData(), e.time());
    }

    private static CommitEvent withOps(CommitEvent e, List<RepoOp> ops) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), e.blocks(), ops,
                e.blobs(), e.prevData(), e.time());
    }

    private static byte[] rewrite(CommitEvent e, UnaryOperator<Map<Cid, byte[]>> change) {
        CarContents car = CarReader.readAll(e.blocks());
        return CarWriter.toBytes(car.roots(), change.apply(new LinkedHashMap<>(car.blocks())));
    }

    @Test
    void everyCommitOfARandomHistoryVerifiesByInversion() {
        for (int i = 0; i < 40; i++) {
            RepoCommit c = randomCommit(1 + random.nextInt(12));
            VerifiedCommit v = CommitVerifier.verify(c.toEvent(100 + i, RepositoryTest.TIME), PUBLIC);
            assertThat(v.cid()).isEqualTo(c.cid());
            assertThat(v.ops()).isEqualTo(c.ops());
        }
    }

    @Test
    void droppingAnyBlockTheInversionReadsFailsAsMissingProof() {
        int beyondNewNodes = 0;
        for (int i = 0; i < 15; i++) {
            RepoCommit c = randomCommit(1 + random.nextInt(6));
            CommitEvent event = c.toEvent(1, RepositoryTest.TIME);
            CarContents car = CarReader.readAll(event.blocks());
            // Which blocks does an inversion actually read? Record them on a successful run.
            Set<Cid> read = new HashSet<>();
            MemoryBlockStore all = new MemoryBlockStore(car.blocks());
            BlockStore recording = new BlockStore() {
                @Override
                public byte[] get(Cid cid) {
                    read.add(cid);
                    return all.get(cid);
                }

                @Override
                public void put(Cid cid, byte[] bytes) {
                    all.put(cid, bytes);
                }
            };
            List<MstOp> ops = c.ops().stream().map(CommitVerifierTest::toMstOp).toList();
            assertThat(MstInversion.invert(recording, c.commit().data(), ops)).isEqualTo(c.prevData());
            for (Cid needed : read) {
                if (!car.blocks().containsKey(needed)) {
                    continue;
                }
                byte[] without = rewrite(event, m -> {
                    m.remove(needed);
                    return m;
                });
                assertThat(reasonOf(() -> CommitVerifier.verify(withBlocks(event, without), PUBLIC)))
                        .as("without %s", needed).isEqualTo(CommitVerificationException.Reason.MISSING_PROOF_BLOCK);
                if (!c.newBlocks().containsKey(needed)) {
                    beyondNewNodes++;
                }
            }
        }
        // Some inversions need old nodes (neighbours of deleted keys): the covering proofs carry them.
        assertThat(beyondNewNodes).isPositive();
    }

    private static MstOp toMstOp(RepoOp op) {
        return switch (op.action()) {
            case CREATE -> new MstOp.Create(op.path(), op.cid());
            case UPDATE -> new MstOp.Update(op.path(), op.prev(), op.cid());
            case DELETE -> new MstOp.Delete(op.path(), op.prev());
        };
    }

    @Test
    void tamperedRecordBlocksFail() {
        RepoCommit c = randomCommit(6);
        CommitEvent event = c.toEvent(1, RepositoryTest.TIME);
        RepoOp written = c.ops().stream().filter(op -> op.cid() != null).findFirst().orElseThrow();
        byte[] changedBytes = rewrite(event, m -> {
            m.put(written.cid(), Drisl.encode(record(written.path(), 99_999)));
            return m;
        });
        assertThat(reasonOf(() -> CommitVerifier.verify(withBlocks(event, changedBytes), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.INVALID_CAR);
        byte[] dropped = rewrite(event, m -> {
            m.remove(written.cid());
            return m;
        });
        assertThat(reasonOf(() -> CommitVerifier.verify(withBlocks(event, dropped), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.MISSING_RECORD_BLOCK);
    }

    @Test
    void opsThatDoNotMatchTheTreeFail() {
        RepoCommit c = repo.apply(List.of(write("create", "app.bsky.feed.post/3zzzzzzzzzzzz", 1),
                write("update", paths.get(5), 7), write("delete", paths.get(9), 0)), nextRev(), KEY);
        CommitEvent event = c.toEvent(1, RepositoryTest.TIME);
        RepoOp create = c.ops().get(0);
        RepoOp update = c.ops().get(1);
        RepoOp delete = c.ops().get(2);

        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(update, delete)), PUBLIC)))
                .as("an op left out").isEqualTo(CommitVerificationException.Reason.PREV_DATA_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(create, update)), PUBLIC)))
                .as("a delete left out").isEqualTo(CommitVerificationException.Reason.PREV_DATA_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                RepoOp.create(create.path(), update.cid()), update, delete)), PUBLIC)))
                .as("create claiming another record").isEqualTo(CommitVerificationException.Reason.OP_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                create, RepoOp.update(update.path(), update.cid(), create.cid()), delete)), PUBLIC)))
                .as("update with a wrong prev").isEqualTo(CommitVerificationException.Reason.PREV_DATA_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                create, new RepoOp(RepoOp.Action.UPDATE, update.path(), update.cid(), null), delete)), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.MISSING_PREV);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                create, update, new RepoOp(RepoOp.Action.DELETE, delete.path(), null, null))), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.MISSING_PREV);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                update, delete, RepoOp.delete(create.path(), delete.prev()))), PUBLIC)))
                .as("delete of a key still present").isEqualTo(CommitVerificationException.Reason.OP_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                create, update, delete, RepoOp.delete(paths.get(20), delete.prev()))), PUBLIC)))
                .as("an op on a part of the tree the slice does not carry")
                .isEqualTo(CommitVerificationException.Reason.MISSING_PROOF_BLOCK);
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(create, update, delete, create)), PUBLIC)))
                .as("duplicate path").isEqualTo(CommitVerificationException.Reason.OP_MISMATCH);
        Cid elsewhere = Drisl.cidOf(DataValue.of("not in the slice"));
        assertThat(reasonOf(() -> CommitVerifier.verify(withOps(event, List.of(
                RepoOp.create(create.path(), elsewhere), update, delete)), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.MISSING_RECORD_BLOCK);
    }

    @Test
    void prevDataMustBeThePreviousRoot() {
        Cid before = repo.commit().data();
        RepoCommit c = randomCommit(4);
        CommitEvent e = c.toEvent(1, RepositoryTest.TIME);
        assertThat(e.prevData()).isEqualTo(before);
        CommitEvent wrong = new CommitEvent(e.seq(), false, false, e.repo(), e.commit(), e.rev(), e.since(), e.blocks(),
                e.ops(), e.blobs(), c.commit().data(), e.time());
        assertThat(reasonOf(() -> CommitVerifier.verify(wrong, PUBLIC))).isEqualTo(CommitVerificationException.Reason.PREV_DATA_MISMATCH);
        CommitEvent absent = new CommitEvent(e.seq(), false, false, e.repo(), e.commit(), e.rev(), e.since(), e.blocks(),
                e.ops(), e.blobs(), null, e.time());
        assertThat(reasonOf(() -> CommitVerifier.verify(absent, PUBLIC))).isEqualTo(CommitVerificationException.Reason.MISSING_PREV);
    }

    @Test
    void commitAndEnvelopeChecks() {
        RepoCommit c = randomCommit(3);
        CommitEvent e = c.toEvent(1, RepositoryTest.TIME);
        assertThat(reasonOf(() -> CommitVerifier.verify(e, SigningKey.generate(Curve.K256).publicKey())))
                .isEqualTo(CommitVerificationException.Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, false, false, e.repo(), e.commit(), nextRev(),
                e.since(), e.blocks(), e.ops(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.FIELD_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, false, false, Did.parse("did:web:example.com"),
                e.commit(), e.rev(), e.since(), e.blocks(), e.ops(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.FIELD_MISMATCH);
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, false, false, e.repo(), e.prevData(),
                e.rev(), e.since(), e.blocks(), e.ops(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.COMMIT_NOT_ROOT);
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, true, false, e.repo(), e.commit(),
                e.rev(), e.since(), e.blocks(), e.ops(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.DEPRECATED_FLAG);
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, false, true, e.repo(), e.commit(),
                e.rev(), e.since(), e.blocks(), e.ops(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.DEPRECATED_FLAG);
        byte[] noCommit = rewrite(e, m -> {
            m.remove(e.commit());
            return m;
        });
        assertThat(reasonOf(() -> CommitVerifier.verify(withBlocks(e, noCommit), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.MISSING_COMMIT_BLOCK);
        assertThat(reasonOf(() -> CommitVerifier.verify(withBlocks(e, new byte[] {1, 2, 3}), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.INVALID_CAR);
        // A root block that is DRISL but no commit.
        byte[] notACommit = Drisl.encode(MapValue.builder().put("hello", "world").build());
        Cid fake = Cid.ofDrisl(notACommit);
        byte[] fakeCar = CarWriter.toBytes(List.of(fake), Map.of(fake, notACommit));
        assertThat(reasonOf(() -> CommitVerifier.verify(new CommitEvent(1, false, false, e.repo(), fake,
                e.rev(), e.since(), fakeCar, List.of(), e.blobs(), e.prevData(), e.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.INVALID_COMMIT);
    }

    @Test
    void syncEventsVerifyTheirCommit() {
        SyncEvent sync = repo.toSyncEvent(5, RepositoryTest.TIME);
        VerifiedCommit v = CommitVerifier.verify(sync, PUBLIC);
        assertThat(v.commit()).isEqualTo(repo.commit());
        assertThat(CarReader.readAll(sync.blocks()).blocks()).hasSize(1);
        assertThat(reasonOf(() -> CommitVerifier.verify(sync, SigningKey.generate(Curve.P256).publicKey())))
                .isEqualTo(CommitVerificationException.Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> CommitVerifier.verify(new SyncEvent(5, sync.did(), sync.blocks(), nextRev(), sync.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.FIELD_MISMATCH);
        byte[] noRoots = CarWriter.toBytes(List.of(), Map.of());
        assertThat(reasonOf(() -> CommitVerifier.verify(new SyncEvent(5, sync.did(), noRoots, sync.rev(), sync.time()), PUBLIC)))
                .isEqualTo(CommitVerificationException.Reason.COMMIT_NOT_ROOT);
    }
}
