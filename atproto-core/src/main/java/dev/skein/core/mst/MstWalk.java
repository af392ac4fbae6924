package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MstNode.Body;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Traversals: key-ordered range scans, the streamable pre-order walk, unstored blocks. */
final class MstWalk {
    private MstWalk() {}

    /** Receives entries of a scan; returns false to stop. */
    interface EntrySink {
        boolean accept(byte[] key, Cid value);
    }

    /**
     * Visits the keys strictly between {@code after} and {@code before} (null: unbounded) in key order or
     * reverse order, reading only the nodes that hold or lead to them. Returns false once the sink stopped.
     */
    static boolean scan(BlockStore store, MstNode node, byte[] after, byte[] before, boolean reverse, EntrySink sink) {
        Body b = node.body(store);
        byte[][] keys = b.keys();
        MstNode[] children = b.children();
        if (!reverse) {
            int first = after == null ? 0 : firstAbove(keys, after);
            for (int i = first; i <= keys.length; i++) {
                if (children[i] != null && !scan(store, children[i], after, before, false, sink)) {
                    return false;
                }
                if (i < keys.length) {
                    if (before != null && Arrays.compareUnsigned(keys[i], before) >= 0) {
                        return false;
                    }
                    if (!sink.accept(keys[i], b.values()[i])) {
                        return false;
                    }
                }
            }
        } else {
            int last = before == null ? keys.length : firstAtOrAbove(keys, before);
            for (int i = last; i >= 0; i--) {
                if (children[i] != null && !scan(store, children[i], after, before, true, sink)) {
                    return false;
                }
                if (i > 0) {
                    if (after != null && Arrays.compareUnsigned(keys[i - 1], after) <= 0) {
                        return false;
                    }
                    if (!sink.accept(keys[i - 1], b.values()[i - 1])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static int firstAbove(byte[][] keys, byte[] bound) {
        int found = MstNode.search(keys, bound);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static int firstAtOrAbove(byte[][] keys, byte[] bound) {
        int found = MstNode.search(keys, bound);
        return found >= 0 ? found : -found - 1;
    }

    /** Node, then its slots in order: left subtree, then per entry its record and right subtree. */
    static void preorder(BlockStore store, MstNode node, MstVisitor visitor) {
        Body b = node.body(store);
        visitor.node(node.cid(), MstNodeCodec.encode(b));
        MstNode[] children = b.children();
        if (children[0] != null) {
            preorder(store, children[0], visitor);
        }
        for (int i = 0; i < b.keys().length; i++) {
            visitor.record(new String(b.keys()[i], StandardCharsets.US_ASCII), b.values()[i]);
            if (children[i + 1] != null) {
                preorder(store, children[i + 1], visitor);
            }
        }
    }

    /**
     * Blocks of nodes built in memory that {@code store} does not hold yet. Stops at stored nodes and at
     * any node the store already has, since a stored node's subtree is stored too.
     */
    static void unstored(BlockStore store, MstNode node, Map<Cid, byte[]> out, Set<Cid> seen) {
        if (node.stored) {
            return;
        }
        Cid cid = node.cid();
        if (!seen.add(cid) || store.has(cid)) {
            return;
        }
        Body b = node.body(store);
        out.put(cid, MstNodeCodec.encode(b));
        for (MstNode child : b.children()) {
            if (child != null) {
                unstored(store, child, out, seen);
            }
        }
    }
}
