package dev.skein.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarBlock;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarReader;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.mst.Mst;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryTest {
    static final Did DID = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    static final Nsid POST = Nsid.parse("app.bsky.feed.post");
    static final Nsid LIKE = Nsid.parse("app.bsky.feed.like");
    static final Datetime TIME = Datetime.parse("2026-11-21T13:07:37.123Z");
    static final SigningKey KEY = SigningKey.generate(Curve.K256);
    static final PublicKey PUBLIC = KEY.publicKey();

    private long micros = 1_763_730_000_000_000L;

    Tid nextRev() {
        micros += 1000;
        return Tid.of(micros, 7);
    }

    static MapValue post(String text) {
        return MapValue.builder().put("$type", POST.value()).put("text", text).put("createdAt", TIME.value()).build();
    }

    static RepoWrite.Create create(Nsid collection, String rkey, String text) {
        return new RepoWrite.Create(collection, RecordKey.parse(rkey),
                MapValue.builder().put("$type", collection.value()).put("text", text).build());
    }

    @Test
    void firstCommitOfAnEmptyRepository() {
        MemoryBlockStore store = new MemoryBlockStore();
        Tid rev = nextRev();
        RepoCommit first = Repository.create(store, DID, rev, List.of(), KEY);
        Repository repo = first.repository();
        assertThat(repo.commit().data()).isEqualTo(Mst.empty(new MemoryBlockStore()).root());
        assertThat(repo.commit().data().toString()).isEqualTo("bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
        assertThat(repo.rev()).isEqualTo(rev);
        assertThat(first.since()).isNull();
        assertThat(first.prevData()).isNull();
        assertThat(first.ops()).isEmpty();
        assertThat(repo.commit().verify(PUBLIC)).isTrue();
        // Loadable from the store alone: the empty root node was stored even though no diff reports it.
        assertThat(Repository.load(store, repo.commitCid()).commit()).isEqualTo(repo.commit());

        CommitEvent event = first.toEvent(1, TIME);
        assertThat(event.since()).isNull();
        assertThat(event.prevData()).isNull();
        assertThat(CommitVerifier.verify(event, PUBLIC).commit()).isEqualTo(repo.commit());
        assertThat(CommitVerifier.verify(first.toSyncEvent(2, TIME), PUBLIC).cid()).isEqualTo(repo.commitCid());
    }

    @Test
    void writesProduceOpsBlocksAndAnIncreasingRev() {
        MemoryBlockStore store = new MemoryBlockStore();
        RepoCommit c1 = Repository.create(store, DID, nextRev(), List.of(create(POST, "3l4iapbyr7c2k", "one"),
                create(POST, "3l4iapbyr7c2l", "two")), KEY);
        Repository r1 = c1.repository();
        Cid one = r1.recordCid("app.bsky.feed.post/3l4iapbyr7c2k").orElseThrow();
        assertThat(c1.ops()).containsExactly(RepoOp.create("app.bsky.feed.post/3l4iapbyr7c2k", one),
                RepoOp.create("app.bsky.feed.post/3l4iapbyr7c2l", r1.recordCid("app.bsky.feed.post/3l4iapbyr7c2l").orElseThrow()));
        assertThat(Drisl.decode(r1.record("app.bsky.feed.post/3l4iapbyr7c2k").orElseThrow()))
                .isEqualTo(create(POST, "x", "one").record());

        Tid rev2 = nextRev();
        MapValue edited = MapValue.builder().put("$type", POST.value()).put("text", "one, edited").build();
        RepoCommit c2 = r1.apply(List.of(
                new RepoWrite.Update(POST, RecordKey.parse("3l4iapbyr7c2k"), edited),
                new RepoWrite.Delete(POST, RecordKey.parse("3l4iapbyr7c2l")),
                create(LIKE, "3l4iapbyr7c2m", "like")), rev2, KEY);
        Repository r2 = c2.repository();
        Cid editedCid = Drisl.cidOf(edited);
        assertThat(c2.since()).isEqualTo(r1.rev());
        assertThat(c2.prevData()).isEqualTo(r1.commit().data());
        assertThat(c2.ops()).containsExactly(
                RepoOp.update("app.bsky.feed.post/3l4iapbyr7c2k", editedCid, one),
                RepoOp.delete("app.bsky.feed.post/3l4iapbyr7c2l", c1.ops().get(1).cid()),
                RepoOp.create("app.bsky.feed.like/3l4iapbyr7c2m", r2.recordCid("app.bsky.feed.like/3l4iapbyr7c2m").orElseThrow()));
        assertThat(r2.rev()).isEqualTo(rev2);
        assertThat(r2.recordCid("app.bsky.feed.post/3l4iapbyr7c2l")).isEmpty();
        assertThat(c2.newBlocks()).containsKeys(r2.commitCid(), editedCid).doesNotContainKey(one);

        CarContents slice = CarReader.readAll(c2.slice());
        assertThat(slice.root()).isEqualTo(r2.commitCid());
        assertThat(slice.blocks().keySet().iterator().next()).isEqualTo(r2.commitCid());
        assertThat(slice.blocks()).containsKey(editedCid).doesNotContainKey(one).doesNotContainKey(c1.ops().get(1).cid());

        CommitEvent event = c2.toEvent(9, TIME);
        assertThat(event.since()).isEqualTo(r1.rev());
        assertThat(event.prevData()).isEqualTo(r1.commit().data());
        VerifiedCommit verified = CommitVerifier.verify(event, PUBLIC);
        assertThat(verified.ops()).isEqualTo(c2.ops());
        assertThat(verified.record(c2.ops().getFirst()).map(Drisl::decode)).contains(edited);
        assertThat(verified.record(c2.ops().get(1))).isEmpty();
    }

    @Test
    void anEmptyCommitKeepsTheTreeAndStillVerifies() {
        RepoCommit c1 = Repository.create(new MemoryBlockStore(), DID, nextRev(), List.of(create(POST, "a", "a")), KEY);
        RepoCommit empty = c1.repository().apply(List.of(), nextRev(), KEY);
        assertThat(empty.commit().data()).isEqualTo(c1.commit().data());
        assertThat(empty.prevData()).isEqualTo(c1.commit().data());
        assertThat(CommitVerifier.verify(empty.toEvent(2, TIME), PUBLIC).ops()).isEmpty();
    }

    @Test
    void refusesBadBatches() {
        Repository repo = Repository.create(new MemoryBlockStore(), DID, nextRev(),
                List.of(create(POST, "a", "a")), KEY).repository();
        record Case(List<RepoWrite> writes, InvalidWriteException.Reason reason) {}
        List<RepoWrite> tooMany = new ArrayList<>();
        for (int i = 0; i <= CommitEvent.MAX_OPS; i++) {
            tooMany.add(create(LIKE, "k" + i, "x"));
        }
        List<Case> cases = List.of(
                new Case(List.of(create(POST, "a", "again")), InvalidWriteException.Reason.RECORD_EXISTS),
                new Case(List.of(new RepoWrite.Update(POST, RecordKey.parse("b"), post("b"))), InvalidWriteException.Reason.RECORD_NOT_FOUND),
                new Case(List.of(new RepoWrite.Delete(POST, RecordKey.parse("b"))), InvalidWriteException.Reason.RECORD_NOT_FOUND),
                new Case(List.of(create(POST, "b", "1"), new RepoWrite.Delete(POST, RecordKey.parse("b"))), InvalidWriteException.Reason.DUPLICATE_PATH),
                new Case(tooMany, InvalidWriteException.Reason.TOO_MANY_WRITES),
                new Case(List.of(new RepoWrite.Create(POST, RecordKey.parse("big"), MapValue.builder().put("$type", POST.value())
                        .put("text", "x".repeat(Repository.MAX_RECORD_BYTES)).build())), InvalidWriteException.Reason.RECORD_TOO_LARGE));
        for (Case k : cases) {
            InvalidWriteException e = catchThrowableOfType(InvalidWriteException.class, () -> repo.apply(k.writes(), nextRev(), KEY));
            assertThat(e).as(k.reason().toString()).isNotNull();
            assertThat(e.reason()).isEqualTo(k.reason());
        }
        InvalidWriteException sameRev = catchThrowableOfType(InvalidWriteException.class, () -> repo.apply(List.of(), repo.rev(), KEY));
        assertThat(sameRev.reason()).isEqualTo(InvalidWriteException.Reason.REV_NOT_INCREASING);
        // A failed batch changes nothing.
        assertThat(repo.recordCid("app.bsky.feed.post/b")).isEmpty();
    }

    @Test
    void slicesOverTwoMegabytesAreRefused() {
        Repository repo = Repository.create(new MemoryBlockStore(), DID, nextRev(), List.of(), KEY).repository();
        List<RepoWrite> writes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writes.add(new RepoWrite.Create(POST, RecordKey.parse("big" + i), MapValue.builder().put("$type", POST.value())
                    .put("text", i + "x".repeat(900_000)).build()));
        }
        InvalidWriteException e = catchThrowableOfType(InvalidWriteException.class, () -> repo.apply(writes, nextRev(), KEY));
        assertThat(e.reason()).isEqualTo(InvalidWriteException.Reason.COMMIT_TOO_LARGE);
    }

    @Test
    void exportsTheWholeRepositoryInStreamableOrder() throws IOException {
        MemoryBlockStore store = new MemoryBlockStore();
        Repository repo = Repository.create(store, DID, nextRev(), List.of(), KEY).repository();
        Map<String, Cid> expected = new HashMap<>();
        for (int batch = 0; batch < 5; batch++) {
            List<RepoWrite> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(create(POST, "b" + batch + "r" + i, "post " + batch + "/" + i));
            }
            repo = repo.apply(writes, nextRev(), KEY).repository();
        }
        repo.tree().forEach(expected::put);
        assertThat(expected).hasSize(200);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repo.exportCar(out);
        List<CarBlock> blocks = new ArrayList<>();
        try (CarReader reader = CarReader.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(reader.roots()).containsExactly(repo.commitCid());
            CarBlock b;
            while ((b = reader.next()) != null) {
                blocks.add(b);
            }
        }
        assertThat(blocks.get(0).cid()).isEqualTo(repo.commitCid());
        assertThat(blocks.get(1).cid()).isEqualTo(repo.commit().data());

        MemoryBlockStore fresh = new MemoryBlockStore();
        blocks.forEach(b -> fresh.put(b.cid(), b.data()));
        Repository loaded = Repository.load(fresh, repo.commitCid());
        Map<String, Cid> actual = new HashMap<>();
        loaded.tree().forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
        loaded.tree().verify();
        for (Cid record : expected.values()) {
            assertThat(fresh.get(record)).isNotNull();
        }
        assertThat(loaded.commit().verify(PUBLIC)).isTrue();
    }
}
