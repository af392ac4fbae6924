package dev.skein.core.firehose;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code #commit}: a new signed commit of {@code repo}, with the CAR slice that proves it and its record
 * operations. {@code rebase}, {@code tooBig} and {@code blobs} are deprecated but still required by the
 * lexicon, so they are always written ({@code false}, {@code false}, {@code []} from {@link #of}).
 * {@code since} is always written too, {@code null} on a repository's first commit; {@code prevData} (the
 * previous commit's MST root, needed for MST inversion) is left out only then.
 *
 * <p>{@code blocks} is shared, not copied: treat it as read-only.
 *
 * @param since the previous commit's rev, or {@code null} for the first commit
 * @param prevData the previous commit's {@code data}, or {@code null} for the first commit
 */
public record CommitEvent(long seq, boolean rebase, boolean tooBig, Did repo, Cid commit, Tid rev,
                          Tid since, byte[] blocks, List<RepoOp> ops, List<Cid> blobs, Cid prevData,
                          Datetime time) implements FirehoseEvent {
    public static final String TYPE = "#commit";
    /** The lexicon's {@code maxLength} for {@code blocks}. */
    public static final int MAX_BLOCKS_BYTES = 2_000_000;
    /** The lexicon's {@code maxLength} for {@code ops}. */
    public static final int MAX_OPS = 200;

    public CommitEvent {
        EventChecks.seq(seq);
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(blocks, "blocks");
        if (blocks.length > MAX_BLOCKS_BYTES) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, "blocks",
                    blocks.length + " bytes is over the limit of " + MAX_BLOCKS_BYTES);
        }
        ops = List.copyOf(ops);
        if (ops.size() > MAX_OPS) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, "ops",
                    ops.size() + " operations is over the limit of " + MAX_OPS);
        }
        blobs = List.copyOf(blobs);
        Objects.requireNonNull(time, "time");
    }

    /** A Sync 1.1 commit event: {@code rebase} and {@code tooBig} false, no blobs. */
    public static CommitEvent of(long seq, Did repo, Cid commit, Tid rev, Tid since, byte[] blocks,
                                 List<RepoOp> ops, Cid prevData, Datetime time) {
        return new CommitEvent(seq, false, false, repo, commit, rev, since, blocks, ops, List.of(), prevData, time);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue body() {
        List<DataValue> opValues = new ArrayList<>(ops.size());
        for (RepoOp op : ops) {
            opValues.add(op.toValue());
        }
        List<DataValue> blobValues = new ArrayList<>(blobs.size());
        for (Cid blob : blobs) {
            blobValues.add(new LinkValue(blob));
        }
        return MapValue.builder()
                .put("seq", seq)
                .put("rebase", rebase)
                .put("tooBig", tooBig)
                .put("repo", repo.value())
                .put("commit", commit)
                .put("rev", rev.value())
                .put("since", since == null ? NullValue.INSTANCE : new StringValue(since.value()))
                .put("blocks", new BytesValue(blocks))
                .put("ops", new ArrayValue(opValues))
                .put("blobs", new ArrayValue(blobValues))
                .putIfPresent("prevData", prevData == null ? null : new LinkValue(prevData))
                .put("time", time.value())
                .build();
    }

    static CommitEvent fromBody(Fields f) {
        List<DataValue> opValues = f.array("ops");
        List<RepoOp> ops = new ArrayList<>(opValues.size());
        for (int i = 0; i < opValues.size(); i++) {
            ops.add(RepoOp.fromValue(opValues.get(i), "ops[" + i + "]"));
        }
        return new CommitEvent(f.integer("seq"), f.bool("rebase"), f.bool("tooBig"), f.did("repo"),
                f.link("commit"), f.tid("rev"), f.nullableTid("since"), f.bytes("blocks"), ops,
                f.links("blobs"), f.optionalLink("prevData"), f.datetime("time"));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CommitEvent c && seq == c.seq && rebase == c.rebase && tooBig == c.tooBig
                && repo.equals(c.repo) && commit.equals(c.commit) && rev.equals(c.rev) && Objects.equals(since, c.since)
                && Arrays.equals(blocks, c.blocks) && ops.equals(c.ops) && blobs.equals(c.blobs)
                && Objects.equals(prevData, c.prevData) && time.equals(c.time));
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, repo, commit, rev, since, Arrays.hashCode(blocks), ops, prevData, time);
    }

    @Override
    public String toString() {
        return "CommitEvent[seq=" + seq + ", repo=" + repo + ", commit=" + commit + ", rev=" + rev + ", since=" + since
                + ", blocks=" + blocks.length + " bytes, ops=" + ops + ", prevData=" + prevData + ", time=" + time + "]";
    }
}
