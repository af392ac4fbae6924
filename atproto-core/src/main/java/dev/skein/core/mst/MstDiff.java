package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MstNode.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed between two trees: the key operations (in key order), the nodes of {@code after} that
 * {@code before} lacks (with their blocks, as a commit slice needs them) and the nodes of {@code before}
 * that {@code after} lacks.
 *
 * <p>Computed level by level from the top: a node's CID fixes its height and its whole subtree, so a node
 * present on both sides is skipped with everything under it, and only the changed part of either tree
 * is read. A key that moved between nodes without changing value is not an operation.
 */
public record MstDiff(List<MstOp> ops, Map<Cid, byte[]> addedNodes, Set<Cid> removedNodes) {
    public MstDiff {
        ops = List.copyOf(ops);
        addedNodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(addedNodes));
        removedNodes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(removedNodes));
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static MstDiff between(Mst before, Mst after) {
        MstNode oldRoot = before.rootNode();
        MstNode newRoot = after.rootNode();
        int top = Math.max(oldRoot.height, newRoot.height);
        List<Map<Cid, MstNode>> olds = levels(top);
        List<Map<Cid, MstNode>> news = levels(top);
        olds.get(oldRoot.height).put(oldRoot.cid(), oldRoot);
        news.get(newRoot.height).put(newRoot.cid(), newRoot);

        Map<Cid, byte[]> added = new LinkedHashMap<>();
        Set<Cid> removed = new LinkedHashSet<>();
        Map<String, Cid> oldRecords = new HashMap<>();
        Map<String, Cid> newRecords = new HashMap<>();
        for (int h = top; h >= 0; h--) {
            Map<Cid, MstNode> o = olds.get(h);
            Map<Cid, MstNode> n = news.get(h);
            for (Map.Entry<Cid, MstNode> e : n.entrySet()) {
                if (!o.containsKey(e.getKey())) {
                    added.put(e.getKey(), e.getValue().encode(after.store()));
                    expand(after.store(), e.getValue(), newRecords, h > 0 ? news.get(h - 1) : null);
                }
            }
            for (Map.Entry<Cid, MstNode> e : o.entrySet()) {
                if (!n.containsKey(e.getKey())) {
                    removed.add(e.getKey());
                    expand(before.store(), e.getValue(), oldRecords, h > 0 ? olds.get(h - 1) : null);
                }
            }
        }

        TreeMap<String, MstOp> ops = new TreeMap<>();
        newRecords.forEach((key, cid) -> {
            Cid prev = oldRecords.get(key);
            if (prev == null) {
                ops.put(key, new MstOp.Create(key, cid));
            } else if (!prev.equals(cid)) {
                ops.put(key, new MstOp.Update(key, prev, cid));
            }
        });
        oldRecords.forEach((key, prev) -> {
            if (!newRecords.containsKey(key)) {
                ops.put(key, new MstOp.Delete(key, prev));
            }
        });
        return new MstDiff(new ArrayList<>(ops.values()), added, removed);
    }

    private static List<Map<Cid, MstNode>> levels(int top) {
        List<Map<Cid, MstNode>> out = new ArrayList<>(top + 1);
        for (int h = 0; h <= top; h++) {
            out.add(new HashMap<>());
        }
        return out;
    }

    private static void expand(BlockStore store, MstNode node, Map<String, Cid> records, Map<Cid, MstNode> below) {
        Body b = node.body(store);
        for (int i = 0; i < b.keys().length; i++) {
            records.put(new String(b.keys()[i], StandardCharsets.US_ASCII), b.values()[i]);
        }
        if (below != null) {
            for (MstNode child : b.children()) {
                if (child != null) {
                    below.put(child.cid(), child);
                }
            }
        }
    }
}
