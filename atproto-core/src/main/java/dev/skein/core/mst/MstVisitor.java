package dev.skein.core.mst;

import dev.skein.core.cid.Cid;

/**
 * Receives a tree in streamable order ({@link Mst#walk}): each node's block, then its slots in order,
 * with a child node's whole subtree before the next slot and each record link in its place.
 */
public interface MstVisitor {
    /** An MST node and its encoded block. */
    void node(Cid cid, byte[] block);

    /** A key and its value link, in key order. */
    void record(String key, Cid value);
}
