package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MstNode.Body;

/**
 * Insert or update one key, copying only the nodes on the way (and the nodes a split cuts through).
 *
 * <p>A key lands in the node at its own height. If that slot already holds a subtree, the subtree is
 * split around the key, recursively down the key's path, because a key at height h must separate the
 * height h-1 subtrees on either side of it. A key above the root splits the whole tree and stacks empty
 * intermediate nodes on both halves so no link skips a level. A key below the reach of any existing
 * subtree gets a fresh chain: the key's own node and empty intermediate nodes above it.
 */
final class MstInsert {
    private MstInsert() {}

    /** The new root; {@code root} itself when the key already maps to {@code value}. */
    static MstNode insert(BlockStore store, MstNode root, byte[] key, int keyHeight, Cid value) {
        if (keyHeight > root.height) {
            return raise(store, root, key, keyHeight, value);
        }
        return into(store, root, key, keyHeight, value);
    }

    private static MstNode raise(BlockStore store, MstNode root, byte[] key, int keyHeight, Cid value) {
        if (root.isEmpty()) {
            return chain(key, keyHeight, value, keyHeight);
        }
        MstNode[] halves = split(store, root, key);
        MstNode left = halves[0];
        MstNode right = halves[1];
        for (int h = root.height + 1; h < keyHeight; h++) {
            left = left == null ? null : parentOf(left, h);
            right = right == null ? null : parentOf(right, h);
        }
        return MstNode.create(keyHeight, new byte[][] {key}, new Cid[] {value}, new MstNode[] {left, right});
    }

    private static MstNode into(BlockStore store, MstNode node, byte[] key, int keyHeight, Cid value) {
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        if (keyHeight == node.height) {
            if (found >= 0) {
                if (b.values()[found].equals(value)) {
                    return node;
                }
                Cid[] values = b.values().clone();
                values[found] = value;
                return MstNode.create(node.height, b.keys(), values, b.children());
            }
            int slot = -found - 1;
            MstNode gap = b.children()[slot];
            MstNode[] halves = gap == null ? new MstNode[2] : split(store, gap, key);
            return withKey(node.height, b, slot, key, value, halves[0], halves[1]);
        }
        if (found >= 0) {
            throw new IllegalStateException("key found in a node of another height");
        }
        int slot = -found - 1;
        MstNode gap = b.children()[slot];
        MstNode replaced = gap == null
                ? chain(key, keyHeight, value, node.height - 1)
                : into(store, gap, key, keyHeight, value);
        return replaced == gap ? node : node.withChild(b, slot, replaced);
    }

    /**
     * Splits a subtree around a key it does not contain: the part below and the part above, each at the
     * subtree's height, or null where nothing is left.
     */
    static MstNode[] split(BlockStore store, MstNode node, byte[] key) {
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        if (found >= 0) {
            throw new IllegalStateException("split at a key the subtree contains");
        }
        int slot = -found - 1;
        int n = b.keys().length;
        MstNode gap = b.children()[slot];
        MstNode[] lower = gap == null ? new MstNode[2] : split(store, gap, key);

        byte[][] leftKeys = new byte[slot][];
        Cid[] leftValues = new Cid[slot];
        MstNode[] leftChildren = new MstNode[slot + 1];
        System.arraycopy(b.keys(), 0, leftKeys, 0, slot);
        System.arraycopy(b.values(), 0, leftValues, 0, slot);
        System.arraycopy(b.children(), 0, leftChildren, 0, slot);
        leftChildren[slot] = lower[0];

        byte[][] rightKeys = new byte[n - slot][];
        Cid[] rightValues = new Cid[n - slot];
        MstNode[] rightChildren = new MstNode[n - slot + 1];
        System.arraycopy(b.keys(), slot, rightKeys, 0, n - slot);
        System.arraycopy(b.values(), slot, rightValues, 0, n - slot);
        System.arraycopy(b.children(), slot + 1, rightChildren, 1, n - slot);
        rightChildren[0] = lower[1];

        MstNode left = MstNode.create(node.height, leftKeys, leftValues, leftChildren);
        MstNode right = MstNode.create(node.height, rightKeys, rightValues, rightChildren);
        return new MstNode[] {left.isEmpty() ? null : left, right.isEmpty() ? null : right};
    }

    /** A node at {@code height} holding just the key, with empty intermediate nodes down to the key's own. */
    private static MstNode chain(byte[] key, int keyHeight, Cid value, int height) {
        MstNode node = MstNode.create(keyHeight, new byte[][] {key}, new Cid[] {value}, new MstNode[2]);
        for (int h = keyHeight + 1; h <= height; h++) {
            node = parentOf(node, h);
        }
        return node;
    }

    private static MstNode parentOf(MstNode child, int height) {
        return MstNode.create(height, MstNode.NO_KEYS, MstNode.NO_VALUES, new MstNode[] {child});
    }

    /** {@code b} with the key inserted at {@code slot}, the slot's old subtree replaced by two halves. */
    private static MstNode withKey(int height, Body b, int slot, byte[] key, Cid value, MstNode left, MstNode right) {
        int n = b.keys().length;
        byte[][] keys = new byte[n + 1][];
        Cid[] values = new Cid[n + 1];
        MstNode[] children = new MstNode[n + 2];
        System.arraycopy(b.keys(), 0, keys, 0, slot);
        System.arraycopy(b.values(), 0, values, 0, slot);
        System.arraycopy(b.children(), 0, children, 0, slot);
        keys[slot] = key;
        values[slot] = value;
        children[slot] = left;
        children[slot + 1] = right;
        System.arraycopy(b.keys(), slot, keys, slot + 1, n - slot);
        System.arraycopy(b.values(), slot, values, slot + 1, n - slot);
        System.arraycopy(b.children(), slot + 1, children, slot + 2, n - slot);
        return MstNode.create(height, keys, values, children);
    }
}
