package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.blocks.MissingBlockException;
import dev.skein.core.cid.Cid;

/**
 * One node of a tree: either built in memory (its CID computed once, on first need) or a reference to a
 * node in a store (its CID known, its content decoded and validated on first access).
 *
 * <p>{@code children} has one slot more than {@code keys}: {@code children[i]} is the subtree between
 * {@code keys[i-1]} and {@code keys[i]}, so slot 0 is the node's {@code l} and slot {@code i+1} entry
 * {@code i}'s {@code t}. Empty slots are {@code null}. Instances are immutable once published; the lazy
 * fields only ever go from unknown to a value that any thread would compute identically.
 */
final class MstNode {
    static final byte[][] NO_KEYS = new byte[0][];
    static final Cid[] NO_VALUES = new Cid[0];

    /** The empty tree: the only node allowed to have neither entries nor a child. */
    static final MstNode EMPTY = new MstNode(0, null, new Body(NO_KEYS, NO_VALUES, new MstNode[1]), false, null, null);

    /** A node's content. Arrays are never modified after construction. */
    record Body(byte[][] keys, Cid[] values, MstNode[] children) {
        boolean isEmpty() {
            return keys.length == 0 && children[0] == null;
        }
    }

    final int height;
    /** Whether this node came from a store, so its block is already stored. */
    final boolean stored;
    /** Exclusive key range the parent allows (checked when a stored node is loaded); null is unbounded. */
    private final byte[] lowerBound;
    private final byte[] upperBound;
    private volatile Cid cid;
    private volatile Body body;

    private MstNode(int height, Cid cid, Body body, boolean stored, byte[] lowerBound, byte[] upperBound) {
        this.height = height;
        this.cid = cid;
        this.body = body;
        this.stored = stored;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    /** A node built in memory; enforces the per-node entry limit writers share with readers. */
    static MstNode create(int height, byte[][] keys, Cid[] values, MstNode[] children) {
        if (keys.length > Mst.MAX_ENTRIES_PER_NODE) {
            throw new MstLimitException(MstLimitException.Limit.ENTRIES_PER_NODE, keys.length);
        }
        if (keys.length == 0 && children[0] == null) {
            return EMPTY;
        }
        return new MstNode(height, null, new Body(keys, values, children), false, null, null);
    }

    /** A stored node not yet loaded, expected at {@code height} with keys strictly inside the bounds. */
    static MstNode stub(Cid cid, int height, byte[] lowerBound, byte[] upperBound) {
        return new MstNode(height, cid, null, true, lowerBound, upperBound);
    }

    /** A stored node already decoded (a root). */
    static MstNode loaded(Cid cid, int height, Body body) {
        return new MstNode(height, cid, body, true, null, null);
    }

    /** The content, loading and validating it from {@code store} on first access. */
    Body body(BlockStore store) {
        Body b = body;
        if (b == null) {
            Cid c = cid;
            byte[] block = store.get(c);
            if (block == null) {
                throw new MissingBlockException(c);
            }
            b = MstNodeCodec.decode(block, c, height, lowerBound, upperBound).body();
            body = b;
        }
        return b;
    }

    /** The content if it is in memory or in {@code store}; {@code null} if the store lacks the block. */
    Body bodyIfPresent(BlockStore store) {
        try {
            return body(store);
        } catch (MissingBlockException e) {
            return null;
        }
    }

    boolean isLoaded() {
        return body != null;
    }

    /** Whether this is the empty tree's node (only meaningful for loaded nodes). */
    boolean isEmpty() {
        Body b = body;
        return b != null && b.isEmpty();
    }

    /** The node's CID, computing (and remembering) it and its children's on first need. */
    Cid cid() {
        Cid c = cid;
        if (c == null) {
            c = Cid.ofDrisl(MstNodeCodec.encode(body));
            cid = c;
        }
        return c;
    }

    /** Binary search over a node's keys: the index if found, else {@code -(slot) - 1}. */
    static int search(byte[][] keys, byte[] key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = java.util.Arrays.compareUnsigned(keys[mid], key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** A copy of this (loaded) node with one child slot replaced. */
    MstNode withChild(Body b, int slot, MstNode child) {
        MstNode[] children = b.children().clone();
        children[slot] = child;
        return create(height, b.keys(), b.values(), children);
    }

    /** The node's block: its canonical encoding (identical to the stored bytes, which decoding enforces). */
    byte[] encode(BlockStore store) {
        return MstNodeCodec.encode(body(store));
    }
}
