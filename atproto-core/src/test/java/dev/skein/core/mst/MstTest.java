package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.blocks.MissingBlockException;
import dev.skein.core.cid.Cid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MstTest {
    private static final Cid V = Cid.parse("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454");

    private static Mst sample(MemoryBlockStore store, int n, long seed) {
        Random rnd = new Random(seed);
        Map<String, Cid> m = new LinkedHashMap<>();
        for (String k : MstPropertyTest.keyPool(rnd, n)) {
            m.put(k, MstPropertyTest.value(rnd));
        }
        return Mst.build(store, m);
    }

    @Test
    void writesThatChangeNothingReturnTheSameTree() {
        Mst t = Mst.empty(new MemoryBlockStore()).put("a.b.c/x", V);
        assertThat(t.put("a.b.c/x", V)).isSameAs(t);
        assertThat(t.delete("a.b.c/y")).isSameAs(t);
        assertThat(t.put("a.b.c/x", Cid.ofDrisl(new byte[] {1})).get("a.b.c/x")).contains(Cid.ofDrisl(new byte[] {1}));
        assertThat(t.delete("a.b.c/x").root()).isEqualTo(Mst.empty(new MemoryBlockStore()).root());
        assertThat(t.delete("a.b.c/x").isEmpty()).isTrue();
    }

    @Test
    void rejectsInvalidKeys() {
        Mst t = Mst.empty(new MemoryBlockStore());
        assertThatThrownBy(() -> t.put("no-slash", V)).isInstanceOf(InvalidMstKeyException.class);
        assertThatThrownBy(() -> t.get("a/b/c")).isInstanceOf(InvalidMstKeyException.class);
        assertThatThrownBy(() -> t.delete("")).isInstanceOf(InvalidMstKeyException.class);
    }

    @Test
    void listsOneCollectionWithCursorsBothWays() {
        MemoryBlockStore store = new MemoryBlockStore();
        TreeMap<String, Cid> model = new TreeMap<>();
        Mst t = Mst.empty(store);
        for (String c : List.of("app.bsky.feed.like", "app.bsky.feed.post", "app.bsky.feed.postgate")) {
            for (int i = 0; i < 40; i++) {
                String k = c + "/3l" + String.format("%011d", i * 7);
                model.put(k, V);
                t = t.put(k, V);
            }
        }
        List<String> posts = model.subMap("app.bsky.feed.post/", "app.bsky.feed.post0").keySet().stream().toList();
        assertThat(posts).hasSize(40);
        assertThat(keys(t.list("app.bsky.feed.post/", "app.bsky.feed.post0", 100, false))).isEqualTo(posts);
        assertThat(keys(t.list("app.bsky.feed.post/", "app.bsky.feed.post0", 10, true))).isEqualTo(posts.reversed().subList(0, 10));
        String cursor = posts.get(25);
        assertThat(keys(t.list("app.bsky.feed.post/", cursor, 5, true))).isEqualTo(posts.subList(20, 25).reversed());
        assertThat(keys(t.list(cursor, "app.bsky.feed.post0", 5, false))).isEqualTo(posts.subList(26, 31));
        assertThat(t.list(null, null, 0, false)).isEmpty();
    }

    @Test
    void walkIsPreOrderWithRecordsInKeyOrder() {
        MemoryBlockStore store = new MemoryBlockStore();
        Mst t = sample(store, 400, 5);
        List<String> events = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<Cid, byte[]> blocks = t.unstoredBlocks();
        t.walk(new MstVisitor() {
            @Override
            public void node(Cid cid, byte[] block) {
                assertThat(block).isEqualTo(blocks.get(cid));
                events.add("n:" + cid);
            }

            @Override
            public void record(String key, Cid value) {
                keys.add(key);
            }
        });
        assertThat(events.get(0)).isEqualTo("n:" + t.root());
        assertThat(events).hasSize(blocks.size());
        assertThat(keys).isSorted().hasSize(400);
        // Pre-order: a node is announced only after the node linking to it, which tells its height.
        Map<Cid, Integer> heights = new LinkedHashMap<>();
        heights.put(t.root(), t.height());
        for (String event : events) {
            Cid cid = Cid.parse(event.substring(2));
            assertThat(heights).containsKey(cid);
            int h = heights.get(cid);
            MstNodeCodec.Decoded d = MstNodeCodec.decode(blocks.get(cid), cid, h, null, null);
            for (MstNode child : d.body().children()) {
                if (child != null) {
                    heights.put(child.cid(), h - 1);
                }
            }
        }
        assertThat(heights).hasSize(blocks.size());
    }

    @Test
    void unstoredBlocksStopAtWhatTheStoreHas() {
        MemoryBlockStore store = new MemoryBlockStore();
        Mst t = sample(store, 300, 6);
        Map<Cid, byte[]> first = t.unstoredBlocks();
        assertThat(first).containsKey(t.root());
        store.putAll(first);
        assertThat(t.unstoredBlocks()).isEmpty();
        Mst next = t.put("a.b.c/new-key", V);
        Map<Cid, byte[]> second = next.unstoredBlocks();
        assertThat(second).containsKey(next.root());
        assertThat(second.keySet()).doesNotContainAnyElementsOf(first.keySet());
        assertThat(second.keySet()).containsExactlyInAnyOrderElementsOf(MstDiff.between(t, next).addedNodes().keySet());
    }

    @Test
    void loadsLazilyAndReportsMissingBlocks() {
        MemoryBlockStore full = new MemoryBlockStore();
        Mst t = sample(full, 300, 7);
        Map<Cid, byte[]> blocks = t.unstoredBlocks();
        assertThat(t.height()).isGreaterThan(0);
        String someKey = t.list(null, null, 1, false).get(0).key();
        List<Cid> path = t.cidsForPath(someKey);
        assertThat(path.get(0)).isEqualTo(t.root());
        assertThat(path.get(path.size() - 1)).isEqualTo(t.get(someKey).orElseThrow());

        MemoryBlockStore partial = new MemoryBlockStore(blocks);
        Cid missing = path.get(path.size() - 2);
        partial.remove(missing);
        Mst loaded = Mst.load(partial, t.root());
        assertThatThrownBy(() -> loaded.get(someKey)).isInstanceOfSatisfying(MissingBlockException.class,
                e -> assertThat(e.cid()).isEqualTo(missing));
        // Keys whose path avoids the missing node are still readable: the tree is partial, not broken.
        List<MstEntry> reachable = new ArrayList<>();
        t.forEach((k, v) -> {
            if (!t.cidsForPath(k).contains(missing)) {
                reachable.add(new MstEntry(k, v));
            }
        });
        assertThat(reachable).isNotEmpty();
        for (MstEntry e : reachable) {
            assertThat(loaded.get(e.key())).contains(e.value());
        }
        assertThatThrownBy(() -> Mst.load(new MemoryBlockStore(), t.root())).isInstanceOf(MissingBlockException.class);
    }

    @Test
    void coveringProofOfTheEmptyTreeIsItsRoot() {
        Mst empty = Mst.empty(new MemoryBlockStore());
        assertThat(empty.coveringProof("a.b.c/x").keySet()).containsExactly(empty.root());
    }

    @Test
    void entryLimitAppliesToWrites() {
        Mst t = Mst.empty(new MemoryBlockStore());
        int added = 0;
        for (int i = 0; added < Mst.MAX_ENTRIES_PER_NODE; i++) {
            String k = "a.b.c/k" + i;
            if (MstKey.height(k) == 0) {
                t = t.put(k, V);
                added++;
            }
        }
        assertThat(t.height()).isZero();
        String next = nextHeightZeroKey(t);
        Mst full = t;
        assertThatThrownBy(() -> full.put(next, V)).isInstanceOfSatisfying(MstLimitException.class,
                e -> assertThat(e.limit()).isEqualTo(MstLimitException.Limit.ENTRIES_PER_NODE));
        assertThat(full.size()).isEqualTo(Mst.MAX_ENTRIES_PER_NODE);
    }

    @Test
    void heightLimitAppliesToBuilds() {
        assertThatThrownBy(() -> MstBuild.build(new byte[][] {"a.b.c/x".getBytes()}, new Cid[] {V}, new int[] {Mst.MAX_HEIGHT + 1}))
                .isInstanceOfSatisfying(MstLimitException.class, e -> assertThat(e.limit()).isEqualTo(MstLimitException.Limit.HEIGHT));
    }

    @Test
    void inversionRejectsOpsThatDoNotMatch() {
        MemoryBlockStore store = new MemoryBlockStore();
        Mst before = sample(store, 50, 8);
        String existing = before.list(null, null, 1, false).get(0).key();
        Mst after = before.put("a.b.c/created", V);
        store.putAll(after.unstoredBlocks());
        Cid root = after.root();
        assertThat(MstInversion.invert(store, root, List.of(new MstOp.Create("a.b.c/created", V)))).isEqualTo(before.root());
        assertInversionFails(store, root, List.of(new MstOp.Create("a.b.c/created", Cid.ofDrisl(new byte[] {9}))),
                MstInversionException.Reason.VALUE_MISMATCH);
        assertInversionFails(store, root, List.of(new MstOp.Create("a.b.c/absent", V)), MstInversionException.Reason.VALUE_MISMATCH);
        assertInversionFails(store, root, List.of(new MstOp.Delete(existing, V)), MstInversionException.Reason.KEY_PRESENT);
        assertInversionFails(store, root, List.of(new MstOp.Create("a.b.c/created", V), new MstOp.Update("a.b.c/created", V, V)),
                MstInversionException.Reason.DUPLICATE_KEY);
        // An op list that leaves something out inverts to some other root, which the caller compares to prevData.
        Mst two = after.put("a.b.c/second", V);
        store.putAll(two.unstoredBlocks());
        assertThat(MstInversion.invert(store, two.root(), List.of(new MstOp.Create("a.b.c/second", V)))).isNotEqualTo(before.root());
    }

    @Test
    void inversionWithoutTheNeededBlocksIsAMissingBlock() {
        MemoryBlockStore store = new MemoryBlockStore();
        Mst before = sample(store, 200, 9);
        String key = before.list(null, null, 100, false).get(50).key();
        Mst after = before.delete(key);
        Map<Cid, byte[]> proof = after.coveringProof(key);
        MemoryBlockStore withoutRoot = new MemoryBlockStore(proof);
        withoutRoot.remove(after.root());
        List<MstOp> ops = List.of(new MstOp.Delete(key, before.get(key).orElseThrow()));
        assertThatThrownBy(() -> MstInversion.invert(withoutRoot, after.root(), ops)).isInstanceOf(MissingBlockException.class);
        MemoryBlockStore rootOnly = new MemoryBlockStore(Map.of(after.root(), proof.get(after.root())));
        assertThat(after.height()).isGreaterThan(0);
        assertThatThrownBy(() -> MstInversion.invert(rootOnly, after.root(), ops)).isInstanceOf(MissingBlockException.class);
        assertThat(MstInversion.invert(new MemoryBlockStore(proof), after.root(), ops)).isEqualTo(before.root());
    }

    private static void assertInversionFails(MemoryBlockStore store, Cid root, List<MstOp> ops, MstInversionException.Reason reason) {
        assertThatThrownBy(() -> MstInversion.invert(store, root, ops)).isInstanceOfSatisfying(MstInversionException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String nextHeightZeroKey(Mst t) {
        for (int i = 0; ; i++) {
            String k = "a.b.c/z" + i;
            if (MstKey.height(k) == 0) {
                return k;
            }
        }
    }

    private static List<String> keys(List<MstEntry> entries) {
        return entries.stream().map(MstEntry::key).toList();
    }
}
