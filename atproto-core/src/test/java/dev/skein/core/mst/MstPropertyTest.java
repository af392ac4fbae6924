package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random trees against a TreeMap model and the from-scratch builder. Key pools over-represent high keys
 * so that multi-level splits, merges and empty intermediate nodes are common.
 */
class MstPropertyTest {
    private static final String[] COLLECTIONS = {"app.bsky.feed.post", "app.bsky.feed.like", "com.example.record", "a.b.c"};
    private static final String RKEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~-:.";
    private static final String TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void incrementalTreeMatchesModelAndFromScratchBuild(long seed) {
        Random rnd = new Random(seed);
        int poolSize = 200 + rnd.nextInt(2800);
        List<String> pool = keyPool(rnd, poolSize);
        MemoryBlockStore store = new MemoryBlockStore();
        TreeMap<String, Cid> model = new TreeMap<>();
        Mst tree = Mst.empty(store);
        List<Mst> snapshots = new ArrayList<>();
        List<Map<String, Cid>> snapshotModels = new ArrayList<>();

        int steps = poolSize * 2;
        for (int step = 0; step < steps; step++) {
            String key = pool.get(rnd.nextInt(pool.size()));
            // Grow first, then churn: inserts dominate early, deletes later.
            boolean delete = rnd.nextInt(steps) < step / 2;
            if (delete) {
                tree = tree.delete(key);
                model.remove(key);
            } else {
                Cid value = value(rnd);
                tree = tree.put(key, value);
                model.put(key, value);
            }
            if (step % 97 == 0 || step == steps - 1) {
                assertThat(tree.root()).as("step %d", step).isEqualTo(Mst.build(new MemoryBlockStore(), model).root());
                tree.verify();
                snapshots.add(tree);
                snapshotModels.add(new TreeMap<>(model));
            }
        }

        assertAgrees(tree, model, rnd);
        assertThat(shuffledBuild(model, rnd).root()).isEqualTo(tree.root());

        for (int i = 0; i < 6; i++) {
            int a = rnd.nextInt(snapshots.size());
            int b = rnd.nextInt(snapshots.size());
            assertDiff(snapshots.get(a), snapshotModels.get(a), snapshots.get(b), snapshotModels.get(b));
        }
        assertDiff(Mst.empty(store), Map.of(), tree, model);
        assertDiff(tree, model, Mst.empty(store), Map.of());

        MemoryBlockStore persisted = new MemoryBlockStore(tree.unstoredBlocks());
        Mst loaded = Mst.load(persisted, tree.root());
        assertAgrees(loaded, model, rnd);
        loaded.verify();
        for (int i = 0; i < 200; i++) {
            String key = pool.get(rnd.nextInt(pool.size()));
            if (rnd.nextBoolean()) {
                Cid value = value(rnd);
                loaded = loaded.put(key, value);
                model.put(key, value);
            } else {
                loaded = loaded.delete(key);
                model.remove(key);
            }
        }
        assertThat(loaded.root()).isEqualTo(Mst.build(new MemoryBlockStore(), model).root());
        assertThat(loaded.unstoredBlocks().keySet()).doesNotContainAnyElementsOf(persisted.cids());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void randomCommitsInvertOnTheirProofsAlone(long seed) {
        Random rnd = new Random(seed);
        List<String> pool = keyPool(rnd, 600);
        TreeMap<String, Cid> model = new TreeMap<>();
        for (String k : pool.subList(0, 300)) {
            model.put(k, value(rnd));
        }
        Mst before = Mst.build(new MemoryBlockStore(), model);
        for (int commit = 0; commit < 60; commit++) {
            Mst after = before;
            List<MstOp> ops = new ArrayList<>();
            Set<String> touched = new HashSet<>();
            int count = 1 + rnd.nextInt(commit % 3 == 0 ? 12 : 3);
            while (ops.size() < count) {
                String key = pool.get(rnd.nextInt(pool.size()));
                if (!touched.add(key)) {
                    continue;
                }
                var prev = after.get(key);
                if (prev.isPresent() && rnd.nextBoolean()) {
                    after = after.delete(key);
                    ops.add(new MstOp.Delete(key, prev.get()));
                } else {
                    Cid value = value(rnd);
                    after = after.put(key, value);
                    ops.add(prev.isPresent() ? new MstOp.Update(key, prev.get(), value) : new MstOp.Create(key, value));
                }
            }
            Map<Cid, byte[]> proof = new LinkedHashMap<>();
            for (MstOp op : ops) {
                proof.putAll(after.coveringProof(op.key()));
            }
            assertThat(MstInversion.invert(new MemoryBlockStore(proof), after.root(), ops))
                    .as("commit %d: %s", commit, ops).isEqualTo(before.root());
            assertThat(MstDiff.between(before, after).ops()).containsExactlyInAnyOrderElementsOf(ops);
            before = after;
        }
    }

    private static void assertAgrees(Mst tree, NavigableMap<String, Cid> model, Random rnd) {
        assertThat(tree.size()).isEqualTo(model.size());
        List<MstEntry> all = tree.list(null, null, Integer.MAX_VALUE, false);
        assertThat(all).containsExactlyElementsOf(entries(model));
        List<MstEntry> visited = new ArrayList<>();
        tree.forEach((k, v) -> visited.add(new MstEntry(k, v)));
        assertThat(visited).isEqualTo(all);
        for (Map.Entry<String, Cid> e : model.entrySet()) {
            assertThat(tree.get(e.getKey())).contains(e.getValue());
        }
        for (String absent : keyPool(rnd, 50)) {
            assertThat(tree.get(absent)).isEqualTo(java.util.Optional.ofNullable(model.get(absent)));
        }
        List<String> keys = new ArrayList<>(model.keySet());
        for (int i = 0; i < 40 && !keys.isEmpty(); i++) {
            String after = rnd.nextInt(5) == 0 ? null : bound(rnd, keys);
            String before = rnd.nextInt(5) == 0 ? null : bound(rnd, keys);
            int limit = 1 + rnd.nextInt(60);
            boolean reverse = rnd.nextBoolean();
            NavigableMap<String, Cid> range = model;
            if (after != null && before != null && after.compareTo(before) >= 0) {
                range = Collections.emptyNavigableMap();
            } else {
                if (after != null) {
                    range = range.tailMap(after, false);
                }
                if (before != null) {
                    range = range.headMap(before, false);
                }
            }
            List<MstEntry> expected = entries(reverse ? range.descendingMap() : range);
            expected = expected.subList(0, Math.min(limit, expected.size()));
            assertThat(tree.list(after, before, limit, reverse))
                    .as("after=%s before=%s limit=%d reverse=%s", after, before, limit, reverse)
                    .containsExactlyElementsOf(expected);
        }
    }

    /** Diff ops equal the model difference; added/removed nodes equal the node-set difference. */
    private static void assertDiff(Mst a, Map<String, Cid> ma, Mst b, Map<String, Cid> mb) {
        MstDiff diff = MstDiff.between(a, b);
        List<MstOp> expected = new ArrayList<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        ma.keySet().forEach(k -> keys.put(k, true));
        mb.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            Cid x = ma.get(k);
            Cid y = mb.get(k);
            if (x == null) {
                expected.add(new MstOp.Create(k, y));
            } else if (y == null) {
                expected.add(new MstOp.Delete(k, x));
            } else if (!x.equals(y)) {
                expected.add(new MstOp.Update(k, x, y));
            }
        }
        assertThat(diff.ops()).containsExactlyElementsOf(expected);
        Set<Cid> nodesA = nodes(a);
        Set<Cid> nodesB = nodes(b);
        Set<Cid> added = new HashSet<>(nodesB);
        added.removeAll(nodesA);
        Set<Cid> removed = new HashSet<>(nodesA);
        removed.removeAll(nodesB);
        assertThat(diff.addedNodes().keySet()).containsExactlyInAnyOrderElementsOf(added);
        assertThat(diff.removedNodes()).containsExactlyInAnyOrderElementsOf(removed);
        diff.addedNodes().forEach((cid, bytes) -> assertThat(Cid.ofDrisl(bytes)).isEqualTo(cid));
    }

    private static Set<Cid> nodes(Mst tree) {
        Set<Cid> out = new HashSet<>();
        tree.walk(new MstVisitor() {
            @Override
            public void node(Cid cid, byte[] block) {
                out.add(cid);
            }

            @Override
            public void record(String key, Cid value) {}
        });
        return out;
    }

    private static Mst shuffledBuild(Map<String, Cid> model, Random rnd) {
        List<Map.Entry<String, Cid>> entries = new ArrayList<>(model.entrySet());
        Collections.shuffle(entries, rnd);
        Mst tree = Mst.empty(new MemoryBlockStore());
        for (Map.Entry<String, Cid> e : entries) {
            tree = tree.put(e.getKey(), e.getValue());
        }
        return tree;
    }

    private static List<MstEntry> entries(Map<String, Cid> map) {
        return map.entrySet().stream().map(e -> new MstEntry(e.getKey(), e.getValue())).toList();
    }

    /** A model key, or a string near one (not necessarily a valid key), as a range bound. */
    private static String bound(Random rnd, List<String> keys) {
        String k = keys.get(rnd.nextInt(keys.size()));
        return switch (rnd.nextInt(3)) {
            case 0 -> k;
            case 1 -> k + "0";
            default -> k.substring(0, 1 + rnd.nextInt(k.length()));
        };
    }

    /** Random valid keys, a third of them chosen among keys of height 1 or more. */
    static List<String> keyPool(Random rnd, int size) {
        Set<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < size) {
            String key = randomKey(rnd);
            if (out.size() % 3 == 0) {
                while (MstKey.height(key) == 0) {
                    key = randomKey(rnd);
                }
            }
            out.add(key);
        }
        return new ArrayList<>(out);
    }

    private static String randomKey(Random rnd) {
        String collection = COLLECTIONS[rnd.nextInt(COLLECTIONS.length)];
        StringBuilder rkey = new StringBuilder();
        if (rnd.nextBoolean()) {
            rkey.append("3l");
            for (int i = 0; i < 11; i++) {
                rkey.append(TID_CHARS.charAt(rnd.nextInt(TID_CHARS.length())));
            }
        } else {
            int len = 1 + rnd.nextInt(12);
            for (int i = 0; i < len; i++) {
                rkey.append(RKEY_CHARS.charAt(rnd.nextInt(RKEY_CHARS.length())));
            }
        }
        return collection + "/" + rkey;
    }

    /** Mostly blessed record CIDs, sometimes a raw or an identity-hash CID, which must be kept as given. */
    static Cid value(Random rnd) {
        byte[] seed = new byte[8];
        rnd.nextBytes(seed);
        return switch (rnd.nextInt(10)) {
            case 0 -> Cid.ofRaw(seed);
            case 1 -> Cid.fromBytes(new byte[] {1, 0x71, 0x00, 4, seed[0], seed[1], seed[2], seed[3]});
            default -> Cid.ofDrisl(seed);
        };
    }
}
