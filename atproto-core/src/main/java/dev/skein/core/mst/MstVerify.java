package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MalformedMstException.Reason;
import dev.skein.core.mst.MstNode.Body;
import java.util.Arrays;

/**
 * Checks a whole tree against the structure rules, reading every node. Stored nodes are checked as they
 * load; this also covers nodes built in memory, which is what the tests lean on.
 */
final class MstVerify {
    private MstVerify() {}

    static void verify(BlockStore store, MstNode root) {
        Body b = root.body(store);
        if (b.keys().length == 0) {
            if (b.children()[0] != null) {
                throw new MalformedMstException(root.cid(), Reason.ROOT_IS_POINTER, "root has no entries, only a subtree");
            }
            return;
        }
        if (root.height > Mst.MAX_HEIGHT) {
            throw new MalformedMstException(root.cid(), Reason.TOO_TALL, "height " + root.height);
        }
        node(store, root, root.height, null, null);
    }

    private static void node(BlockStore store, MstNode node, int height, byte[] lower, byte[] upper) {
        Body b = node.body(store);
        Cid cid = node.cid();
        byte[][] keys = b.keys();
        if (node.height != height) {
            throw new MalformedMstException(cid, Reason.WRONG_HEIGHT, "node at height " + node.height + ", expected " + height);
        }
        if (b.isEmpty()) {
            throw new MalformedMstException(cid, Reason.EMPTY_NODE, "non-root node with no entries and no subtree");
        }
        if (keys.length > Mst.MAX_ENTRIES_PER_NODE) {
            throw new MalformedMstException(cid, Reason.TOO_MANY_ENTRIES, keys.length + " entries");
        }
        byte[] prev = lower;
        for (byte[] key : keys) {
            if (!MstKey.isValid(key)) {
                throw new MalformedMstException(cid, Reason.INVALID_KEY, "invalid key");
            }
            if (prev != null && Arrays.compareUnsigned(prev, key) >= 0) {
                throw new MalformedMstException(cid, Reason.KEY_ORDER, "keys out of order");
            }
            if (MstKey.heightOfBytes(key) != height) {
                throw new MalformedMstException(cid, Reason.WRONG_HEIGHT, "key at the wrong height");
            }
            prev = key;
        }
        if (upper != null && prev != null && Arrays.compareUnsigned(prev, upper) >= 0) {
            throw new MalformedMstException(cid, Reason.KEY_ORDER, "keys out of order");
        }
        MstNode[] children = b.children();
        for (int i = 0; i < children.length; i++) {
            if (children[i] == null) {
                continue;
            }
            if (height == 0) {
                throw new MalformedMstException(cid, Reason.CHILD_BELOW_ZERO, "subtree link at height 0");
            }
            node(store, children[i], height - 1, i == 0 ? lower : keys[i - 1], i < keys.length ? keys[i] : upper);
        }
    }
}
