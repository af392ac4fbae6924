package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MstNode.Body;

/**
 * Remove one key, the inverse of {@link MstInsert}.
 *
 * <p>Taking a key out of its node joins the subtrees on its two sides, which are then merged, and their
 * facing edges merged recursively (the right edge of the left one with the left edge of the right one).
 * A subtree left with nothing disappears from its slot; one left with only a child stays as an empty
 * intermediate node. At the top, a root reduced to a pointer is trimmed away, layer by layer.
 */
final class MstRemove {
    private MstRemove() {}

    /** The new root; {@code root} itself when the key is absent. */
    static MstNode remove(BlockStore store, MstNode root, byte[] key, int keyHeight) {
        MstNode result = from(store, root, key, keyHeight);
        return result == root ? root : trimTop(store, result);
    }

    private static MstNode from(BlockStore store, MstNode node, byte[] key, int keyHeight) {
        if (keyHeight > node.height) {
            return node;
        }
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        if (keyHeight == node.height) {
            return found < 0 ? node : without(store, node, b, found);
        }
        if (found >= 0) {
            throw new IllegalStateException("key found in a node of another height");
        }
        int slot = -found - 1;
        MstNode gap = b.children()[slot];
        if (gap == null) {
            return node;
        }
        MstNode replaced = from(store, gap, key, keyHeight);
        if (replaced == gap) {
            return node;
        }
        return node.withChild(b, slot, replaced.isEmpty() ? null : replaced);
    }

    private static MstNode without(BlockStore store, MstNode node, Body b, int index) {
        int n = b.keys().length;
        MstNode merged = merge(store, b.children()[index], b.children()[index + 1]);
        byte[][] keys = new byte[n - 1][];
        Cid[] values = new Cid[n - 1];
        MstNode[] children = new MstNode[n];
        System.arraycopy(b.keys(), 0, keys, 0, index);
        System.arraycopy(b.keys(), index + 1, keys, index, n - index - 1);
        System.arraycopy(b.values(), 0, values, 0, index);
        System.arraycopy(b.values(), index + 1, values, index, n - index - 1);
        System.arraycopy(b.children(), 0, children, 0, index);
        children[index] = merged;
        System.arraycopy(b.children(), index + 2, children, index + 1, n - index - 1);
        return MstNode.create(node.height, keys, values, children);
    }

    /** Joins two adjacent subtrees of the same height, every key of {@code left} below every key of {@code right}. */
    static MstNode merge(BlockStore store, MstNode left, MstNode right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        Body l = left.body(store);
        Body r = right.body(store);
        int ln = l.keys().length;
        int rn = r.keys().length;
        MstNode seam = merge(store, l.children()[ln], r.children()[0]);
        byte[][] keys = new byte[ln + rn][];
        Cid[] values = new Cid[ln + rn];
        MstNode[] children = new MstNode[ln + rn + 1];
        System.arraycopy(l.keys(), 0, keys, 0, ln);
        System.arraycopy(r.keys(), 0, keys, ln, rn);
        System.arraycopy(l.values(), 0, values, 0, ln);
        System.arraycopy(r.values(), 0, values, ln, rn);
        System.arraycopy(l.children(), 0, children, 0, ln);
        children[ln] = seam;
        System.arraycopy(r.children(), 1, children, ln + 1, rn);
        return MstNode.create(left.height, keys, values, children);
    }

    /**
     * Drops roots that only point to a subtree. A partial tree (a commit proof) may lack the child's
     * block; the child is then the root as far as anyone can tell, and its CID is all the root needs.
     */
    private static MstNode trimTop(BlockStore store, MstNode root) {
        MstNode node = root;
        while (true) {
            Body b = node.bodyIfPresent(store);
            if (b == null || b.keys().length > 0 || b.children()[0] == null) {
                return b != null && b.isEmpty() ? MstNode.EMPTY : node;
            }
            node = b.children()[0];
        }
    }
}
