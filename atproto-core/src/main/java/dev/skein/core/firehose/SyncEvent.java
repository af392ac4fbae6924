package dev.skein.core.firehose;

import dev.skein.core.data.BytesValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code #sync}: asserts the current state of {@code did}'s repository. {@code blocks} is a CAR holding
 * only the signed commit, which is its first root; consumers whose state differs re-fetch the repository.
 * {@code blocks} is shared, not copied: treat it as read-only.
 */
public record SyncEvent(long seq, Did did, byte[] blocks, Tid rev, Datetime time) implements FirehoseEvent {
    public static final String TYPE = "#sync";
    /** The lexicon's {@code maxLength} for {@code blocks}: room for one commit block. */
    public static final int MAX_BLOCKS_BYTES = 10_000;

    public SyncEvent {
        EventChecks.seq(seq);
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(blocks, "blocks");
        if (blocks.length > MAX_BLOCKS_BYTES) {
            throw EventChecks.invalid("blocks", blocks.length + " bytes is over the limit of " + MAX_BLOCKS_BYTES);
        }
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue body() {
        return MapValue.builder()
                .put("seq", seq)
                .put("did", did.value())
                .put("blocks", new BytesValue(blocks))
                .put("rev", rev.value())
                .put("time", time.value())
                .build();
    }

    static SyncEvent fromBody(Fields f) {
        return new SyncEvent(f.integer("seq"), f.did("did"), f.bytes("blocks"), f.tid("rev"), f.datetime("time"));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof SyncEvent s && seq == s.seq && did.equals(s.did)
                && Arrays.equals(blocks, s.blocks) && rev.equals(s.rev) && time.equals(s.time));
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, did, Arrays.hashCode(blocks), rev, time);
    }

    @Override
    public String toString() {
        return "SyncEvent[seq=" + seq + ", did=" + did + ", blocks=" + blocks.length + " bytes, rev=" + rev + ", time=" + time + "]";
    }
}
