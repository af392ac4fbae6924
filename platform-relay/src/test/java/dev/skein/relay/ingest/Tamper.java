package dev.skein.relay.ingest;

import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.repo.Commit;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Did;
import java.nio.charset.StandardCharsets;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Tid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Ways to spoil a commit event, each the kind of mistake or attack the relay must catch. */
final class Tamper {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    private Tamper() {}

    static CommitEvent event(RepoCommit c, long seq) {
        return c.toEvent(seq, TIME);
    }

    static CommitEvent withBlocks(CommitEvent e, byte[] blocks) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), blocks,
                e.ops(), e.blobs(), e.prevData(), e.time());
    }

    static CommitEvent withOps(CommitEvent e, List<RepoOp> ops) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), e.blocks(),
                ops, e.blobs(), e.prevData(), e.time());
    }

    static CommitEvent withPrevData(CommitEvent e, Cid prevData) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), e.blocks(),
                e.ops(), e.blobs(), prevData, e.time());
    }

    static CommitEvent withRev(CommitEvent e, Tid rev) {
        return new CommitEvent(e.seq(), e.rebase(), e.tooBig(), e.repo(), e.commit(), rev, e.since(), e.blocks(),
                e.ops(), e.blobs(), e.prevData(), e.time());
    }

    static CommitEvent rebased(CommitEvent e) {
        return new CommitEvent(e.seq(), true, e.tooBig(), e.repo(), e.commit(), e.rev(), e.since(), e.blocks(),
                e.ops(), e.blobs(), e.prevData(), e.time());
    }

    /** The slice with its blocks edited; the CAR is rewritten with the same root. */
    static byte[] editBlocks(byte[] car, UnaryOperator<Map<Cid, byte[]>> edit) {
        CarContents c = CarReader.readAll(car);
        Map<Cid, byte[]> blocks = edit.apply(new LinkedHashMap<>(c.blocks()));
        return CarWriter.toBytes(c.roots(), blocks);
    }

    static byte[] without(byte[] car, Cid cid) {
        return editBlocks(car, m -> {
            if (m.remove(cid) == null) {
                throw new IllegalArgumentException("the slice has no block " + cid);
            }
            return m;
        });
    }

    /** The slice with {@code cid}'s bytes changed (one byte flipped), still filed under the old CID. */
    static byte[] corrupted(byte[] car, Cid cid) {
        return editBlocks(car, m -> {
            byte[] b = m.get(cid).clone();
            b[b.length - 1] ^= 0x01;
            m.put(cid, b);
            return m;
        });
    }

    /**
     * The deepest MST node below the root on the path to {@code path} in the commit's new tree: a proof block the
     * inversion needs. Falls back to the root when the tree has one level.
     */
    static Cid proofNode(RepoCommit c, String path) {
        List<Cid> nodes = c.repository().tree().cidsForPath(path);
        // The list ends with the record's CID when the key is present.
        boolean present = c.repository().recordCid(path).isPresent();
        return nodes.get(nodes.size() - (present ? 2 : 1));
    }

    /**
     * A properly signed commit whose MST root is malformed (two entries out of key order), with a create op for one
     * of its keys: only decoding the tree can tell.
     */
    static CommitEvent malformedTree(long seq, Did did, SigningKey key, Tid rev, Tid since, Cid prevData) {
        byte[] record = Drisl.encode(dev.skein.relay.testing.SimAccount.record("app.bsky.feed.post", "x"));
        Cid recordCid = Cid.ofDrisl(record);
        MapValue node = MapValue.builder()
                .put("e", new ArrayValue(List.of(entry("app.bsky.feed.post/b", recordCid), entry("app.bsky.feed.post/a", recordCid))))
                .put("l", NullValue.INSTANCE).build();
        byte[] nodeBytes = Drisl.encode(node);
        Cid nodeCid = Cid.ofDrisl(nodeBytes);
        Commit commit = Commit.unsigned(did, nodeCid, rev).sign(key);
        Map<Cid, byte[]> blocks = new LinkedHashMap<>();
        blocks.put(commit.cid(), commit.bytes());
        blocks.put(nodeCid, nodeBytes);
        blocks.put(recordCid, record);
        byte[] slice = CarWriter.toBytes(List.of(commit.cid()), blocks);
        return CommitEvent.of(seq, did, commit.cid(), rev, since, slice,
                List.of(RepoOp.create("app.bsky.feed.post/a", recordCid)), prevData, TIME);
    }

    private static MapValue entry(String key, Cid value) {
        return MapValue.builder().put("k", new BytesValue(key.getBytes(StandardCharsets.UTF_8))).put("p", 0)
                .put("t", NullValue.INSTANCE).put("v", value).build();
    }
}
