package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MstNode.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proof blocks: the nodes a reader needs to check a key, or to invert an operation on it.
 *
 * <p>The covering proof is the union the reference PDS puts in a commit slice for each operation
 * ({@code getCoveringProof}): the nodes on the key's path (or the path to where it would be), and the
 * nodes on the paths to the keys immediately left and right of it. Deleting a key merges its two
 * neighbouring subtrees along their facing edges, which is why those edges must be in the proof.
 * Walks here follow the reference's choices exactly, so the block set is the same.
 */
final class MstProof {
    private MstProof() {}

    static Map<Cid, byte[]> covering(BlockStore store, MstNode root, byte[] key) {
        Map<Cid, byte[]> out = new LinkedHashMap<>();
        forKey(store, root, key, out);
        leftNeighbour(store, root, key, out);
        rightNeighbour(store, root, key, out);
        return out;
    }

    /** Node CIDs from the root down to the key (or to where it would be), then the key's value if present. */
    static List<Cid> cidsForPath(BlockStore store, MstNode root, byte[] key) {
        List<Cid> out = new ArrayList<>();
        MstNode node = root;
        while (node != null) {
            out.add(node.cid());
            Body b = node.body(store);
            int found = MstNode.search(b.keys(), key);
            if (found >= 0) {
                out.add(b.values()[found]);
                break;
            }
            node = b.children()[-found - 1];
        }
        return out;
    }

    /** The key's path; a node whose slot for an absent key is empty is not itself included (as the reference). */
    private static boolean forKey(BlockStore store, MstNode node, byte[] key, Map<Cid, byte[]> out) {
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        if (found < 0) {
            MstNode gap = b.children()[-found - 1];
            if (gap == null || !forKey(store, gap, key, out)) {
                return false;
            }
        }
        add(store, node, out);
        return true;
    }

    /** Down the key's path, then along the right edge of the subtree left of the key. */
    private static void leftNeighbour(BlockStore store, MstNode node, byte[] key, Map<Cid, byte[]> out) {
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        MstNode before = b.children()[found >= 0 ? found : -found - 1];
        if (before != null) {
            leftNeighbour(store, before, key, out);
        }
        add(store, node, out);
    }

    /** Down the key's path, then along the left edge of the subtree right of the key. */
    private static void rightNeighbour(BlockStore store, MstNode node, byte[] key, Map<Cid, byte[]> out) {
        Body b = node.body(store);
        int found = MstNode.search(b.keys(), key);
        MstNode next = b.children()[found >= 0 ? found + 1 : -found - 1];
        if (next != null) {
            rightNeighbour(store, next, key, out);
        }
        add(store, node, out);
    }

    private static void add(BlockStore store, MstNode node, Map<Cid, byte[]> out) {
        Cid cid = node.cid();
        if (!out.containsKey(cid)) {
            out.put(cid, node.encode(store));
        }
    }
}
