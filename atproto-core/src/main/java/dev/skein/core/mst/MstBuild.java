package dev.skein.core.mst;

import dev.skein.core.cid.Cid;

/**
 * Builds a tree from all its entries at once, top down: the keys of the highest height form the root,
 * and the runs of lower keys between them become its subtrees, one level down. O(n · height); the shape
 * is the one incremental inserts and deletes arrive at, which the tests check.
 */
final class MstBuild {
    private MstBuild() {}

    /** Entries sorted by key (unsigned bytes), without duplicates, heights precomputed. */
    static MstNode build(byte[][] keys, Cid[] values, int[] heights) {
        if (keys.length == 0) {
            return MstNode.EMPTY;
        }
        int top = 0;
        for (int h : heights) {
            top = Math.max(top, h);
        }
        if (top > Mst.MAX_HEIGHT) {
            throw new MstLimitException(MstLimitException.Limit.HEIGHT, top);
        }
        return build(keys, values, heights, 0, keys.length, top);
    }

    private static MstNode build(byte[][] keys, Cid[] values, int[] heights, int from, int to, int height) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (heights[i] == height) {
                count++;
            }
        }
        byte[][] nodeKeys = new byte[count][];
        Cid[] nodeValues = new Cid[count];
        MstNode[] children = new MstNode[count + 1];
        int runStart = from;
        int k = 0;
        for (int i = from; i < to; i++) {
            if (heights[i] == height) {
                children[k] = subtree(keys, values, heights, runStart, i, height);
                nodeKeys[k] = keys[i];
                nodeValues[k] = values[i];
                k++;
                runStart = i + 1;
            }
        }
        children[k] = subtree(keys, values, heights, runStart, to, height);
        return MstNode.create(height, nodeKeys, nodeValues, children);
    }

    private static MstNode subtree(byte[][] keys, Cid[] values, int[] heights, int from, int to, int height) {
        return from == to ? null : build(keys, values, heights, from, to, height - 1);
    }
}
