package dev.skein.core.firehose;

import dev.skein.core.data.BytesValue;
import dev.skein.core.data.MapValue;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code #sync}: asserts the current state of {@code did}'s repository. {@code blocks} is a CAR holding
 * only the signed commit, which is its first root; consumers whose state differs re-fetch the repository.
 * {@code blocks} is shared, not copied: treat it as read-only.
 */
public record SyncEvent(long seq, String did, byte[] blocks, String rev, String time) implements FirehoseEvent {
    public static final String TYPE = "#sync";
    /** The lexicon's {@code maxLength} for {@code blocks}: room for one commit block. */
    public static final int MAX_BLOCKS_BYTES = 10_000;

    public SyncEvent {
        EventChecks.seq(seq);
        EventChecks.did("did", did);
        Objects.requireNonNull(blocks, "blocks");
        if (blocks.length > MAX_BLOCKS_BYTES) {
            throw EventChecks.invalid("blocks", blocks.length + " bytes is over the limit of " + MAX_BLOCKS_BYTES);
        }
        EventChecks.tid("rev", rev);
        EventChecks.datetime("time", time);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue body() {
        return MapValue.builder()
                .put("seq", seq)
                .put("did", did)
                .put("blocks", new BytesValue(blocks))
                .put("rev", rev)
                .put("time", time)
                .build();
    }

    static SyncEvent fromBody(Fields f) {
        return new SyncEvent(f.integer("seq"), f.string("did"), f.bytes("blocks"), f.string("rev"), f.string("time"));
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
