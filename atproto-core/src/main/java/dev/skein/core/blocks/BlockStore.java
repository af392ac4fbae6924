package dev.skein.core.blocks;

import dev.skein.core.cid.Cid;
import java.util.Map;

/**
 * Blocks by CID.
 *
 * <p>A store maps a CID to the bytes that hash to it; whoever puts a block vouches for that (the PDS
 * computed the CID itself, a CAR reader checked it). Readers trust the mapping and do not re-hash.
 */
public interface BlockStore {
    /** The block's bytes, or {@code null} when this store does not hold it. Callers must not modify the array. */
    byte[] get(Cid cid);

    /** Whether this store holds the block. */
    default boolean has(Cid cid) {
        return get(cid) != null;
    }

    /** Stores a block; storing the same CID again is a no-op. */
    void put(Cid cid, byte[] bytes);

    default void putAll(Map<Cid, byte[]> blocks) {
        blocks.forEach(this::put);
    }

    /** Like {@link #get} but a missing block is a {@link MissingBlockException}. */
    default byte[] require(Cid cid) {
        byte[] bytes = get(cid);
        if (bytes == null) {
            throw new MissingBlockException(cid);
        }
        return bytes;
    }
}
