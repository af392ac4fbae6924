package dev.skein.core.car;

import dev.skein.core.cid.Cid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole CAR in memory: its roots and its blocks by CID, in the order they first appeared. The block
 * arrays are shared, not copied: treat them as read-only.
 */
public record CarContents(List<Cid> roots, Map<Cid, byte[]> blocks) {
    public CarContents {
        roots = List.copyOf(roots);
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** The first root: the commit, for repository exports and commit slices. */
    public Cid root() {
        if (roots.isEmpty()) {
            throw new CarException(CarException.Reason.MISSING_ROOT, "the CAR header has no roots");
        }
        return roots.getFirst();
    }

    /** The bytes of {@code cid}, or {@code null} when the CAR does not hold that block. */
    public byte[] get(Cid cid) {
        return blocks.get(cid);
    }

    /** This CAR written out again: the same roots, each block once, in the same order. */
    public byte[] toBytes() {
        return CarWriter.toBytes(roots, blocks);
    }
}
