package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MalformedMstException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node block format: canonical encoding, and every way a stored node can be rejected. */
class MstNodeCodecTest {
    private static final Cid LEAF = Cid.parse("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454");

    @Test
    void emptyTreeIsTheKnownBlock() {
        Mst empty = Mst.empty(new MemoryBlockStore());
        assertThat(empty.root()).hasToString("bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
        List<byte[]> blocks = new ArrayList<>();
        empty.walk(visitor(blocks));
        assertThat(blocks).hasSize(1);
        assertThat(HexFormat.of().formatHex(blocks.get(0))).isEqualTo("a2616580616cf6");
    }

    @Test
    void encodingMatchesAnIndependentWriter() {
        byte[] k0 = key(0, 0);
        byte[] k1 = key(0, 1);
        byte[] top = key(1, 0);
        Map<String, Cid> entries = new LinkedHashMap<>();
        entries.put(ascii(k0), LEAF);
        entries.put(ascii(k1), LEAF);
        entries.put(ascii(top), LEAF);
        Mst tree = Mst.build(new MemoryBlockStore(), entries);
        Map<Cid, byte[]> blocks = tree.unstoredBlocks();

        List<byte[]> lower = sorted(k0, k1, top).stream().filter(k -> k != top).toList();
        Object child = node(null, compressed(lower));
        byte[] childBytes = TestCbor.encode(child);
        Cid childCid = Cid.ofDrisl(childBytes);
        assertThat(blocks.get(childCid)).isEqualTo(childBytes);
        // The top key sorts either before or after both lower keys; the lower node hangs on that side.
        boolean topFirst = java.util.Arrays.compareUnsigned(top, lower.get(0)) < 0;
        Object root = topFirst ? node(null, List.of(entry(top, LEAF, childCid))) : node(childCid, List.of(entry(top, LEAF, null)));
        byte[] rootBytes = TestCbor.encode(root);
        assertThat(tree.root()).isEqualTo(Cid.ofDrisl(rootBytes));
        assertThat(blocks.get(tree.root())).isEqualTo(rootBytes);
    }

    @Test
    void prefixCompressionIsWithinANode() {
        byte[] a = key(0, 0);
        byte[] b = key(0, 1);
        List<byte[]> keys = sorted(a, b);
        Mst tree = Mst.build(new MemoryBlockStore(), Map.of(ascii(a), LEAF, ascii(b), LEAF));
        int p = MstKey.commonPrefixLength(keys.get(0), keys.get(1));
        assertThat(p).isGreaterThan(0);
        Object expected = node(null, List.of(entry(keys.get(0), LEAF, null), entryRaw(p, suffix(keys.get(1), p), LEAF, null)));
        assertThat(tree.unstoredBlocks().get(tree.root())).isEqualTo(TestCbor.encode(expected));
    }

    @Test
    void storedBlocksReencodeToTheSameBytes() {
        Random rnd = new Random(42);
        Map<String, Cid> entries = new LinkedHashMap<>();
        for (String k : MstPropertyTest.keyPool(rnd, 500)) {
            entries.put(k, MstPropertyTest.value(rnd));
        }
        Mst built = Mst.build(new MemoryBlockStore(), entries);
        Map<Cid, byte[]> stored = built.unstoredBlocks();
        Mst loaded = Mst.load(new MemoryBlockStore(stored), built.root());
        Map<Cid, byte[]> walked = new LinkedHashMap<>();
        loaded.walk(new MstVisitor() {
            @Override
            public void node(Cid cid, byte[] block) {
                walked.put(cid, block);
            }

            @Override
            public void record(String key, Cid value) {
                assertThat(value).isEqualTo(entries.get(key));
            }
        });
        assertThat(walked.keySet()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        walked.forEach((cid, bytes) -> {
            assertThat(bytes).isEqualTo(stored.get(cid));
            assertThat(Cid.ofDrisl(bytes)).isEqualTo(cid);
        });
    }

    @Test
    void rejectsNonCanonicalEncodings() {
        byte[] k = key(0, 0);
        Map<String, Object> entry = entry(k, LEAF, null);
        Map<String, Object> swapped = new LinkedHashMap<>();
        swapped.put("l", null);
        swapped.put("e", List.of(entry));
        assertRootRejected(TestCbor.encode(swapped), Reason.ENCODING);

        Map<String, Object> extra = new LinkedHashMap<>(node(null, List.of(entry)));
        extra.put("x", 1);
        assertRootRejected(TestCbor.encode(extra), Reason.ENCODING);

        Map<String, Object> missingT = new LinkedHashMap<>(entry);
        missingT.remove("t");
        assertRootRejected(TestCbor.encode(node(null, List.of(missingT))), Reason.ENCODING);

        Map<String, Object> textKey = new LinkedHashMap<>(entry);
        textKey.put("k", ascii(k));
        assertRootRejected(TestCbor.encode(node(null, List.of(textKey))), Reason.ENCODING);

        byte[] good = TestCbor.encode(node(null, List.of(entry)));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertRootRejected(trailing, Reason.ENCODING);
        assertRootRejected(java.util.Arrays.copyOf(good, good.length - 1), Reason.ENCODING);

        // "p": 0 written as 0x18 0x00 instead of 0x00.
        byte[] longInt = hexReplace(good, "617000", "61701800");
        assertRootRejected(longInt, Reason.ENCODING);

        // The entries array with an indefinite length.
        byte[] indefinite = hexReplace(good, "616581", "61659f");
        assertRootRejected(hexReplace(indefinite, "616cf6", "ff616cf6"), Reason.ENCODING);

        // A link without the 0x00 multibase-identity prefix.
        byte[] noPrefix = hexReplace(good, "d82a582500", "d82a5824");
        assertRootRejected(noPrefix, Reason.ENCODING);
    }

    @Test
    void rejectsBadKeysAndPrefixes() {
        byte[] a = key(0, 0);
        byte[] b = key(0, 1);
        List<byte[]> keys = sorted(a, b);
        assertRootRejected(TestCbor.encode(node(null, List.of(entry("nocollection".getBytes(StandardCharsets.US_ASCII), LEAF, null)))), Reason.INVALID_KEY);
        int p = MstKey.commonPrefixLength(keys.get(0), keys.get(1));
        Object uncompressed = node(null, List.of(entry(keys.get(0), LEAF, null), entry(keys.get(1), LEAF, null)));
        assertRootRejected(TestCbor.encode(uncompressed), Reason.PREFIX_LENGTH);
        Object tooLong = node(null, List.of(entry(keys.get(0), LEAF, null), entryRaw(keys.get(0).length + 1, suffix(keys.get(1), p), LEAF, null)));
        assertRootRejected(TestCbor.encode(tooLong), Reason.PREFIX_LENGTH);
        Object firstWithPrefix = node(null, List.of(entryRaw(1, suffix(keys.get(0), 1), LEAF, null)));
        assertRootRejected(TestCbor.encode(firstWithPrefix), Reason.PREFIX_LENGTH);
        Object unsorted = node(null, compressed(List.of(keys.get(1), keys.get(0))));
        assertRootRejected(TestCbor.encode(unsorted), Reason.KEY_ORDER);
        Object duplicate = node(null, List.of(entry(keys.get(0), LEAF, null), entryRaw(keys.get(0).length, new byte[0], LEAF, null)));
        assertRootRejected(TestCbor.encode(duplicate), Reason.KEY_ORDER);
    }

    @Test
    void rejectsWrongShapes() {
        byte[] low = key(0, 0);
        byte[] high = key(1, 0);
        Cid someNode = Mst.empty(new MemoryBlockStore()).root();
        assertRootRejected(TestCbor.encode(node(null, compressed(sorted(low, high)))), Reason.WRONG_HEIGHT);
        assertRootRejected(TestCbor.encode(node(someNode, List.of())), Reason.ROOT_IS_POINTER);
        assertRootRejected(TestCbor.encode(node(someNode, List.of(entry(low, LEAF, null)))), Reason.CHILD_BELOW_ZERO);
        assertRootRejected(TestCbor.encode(node(Cid.ofRaw(new byte[] {1}), List.of(entry(high, LEAF, null)))), Reason.LINK_NOT_BLESSED);

        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; keys.size() <= Mst.MAX_ENTRIES_PER_NODE; i++) {
            keys.add(key(0, i));
        }
        keys.sort(java.util.Arrays::compareUnsigned);
        assertRootRejected(TestCbor.encode(node(null, compressed(keys))), Reason.TOO_MANY_ENTRIES);
    }

    @Test
    void rejectsBadChildren() {
        byte[] top = key(1, 0);
        byte[] low = key(0, 0);
        boolean lowFirst = java.util.Arrays.compareUnsigned(low, top) < 0;
        // An empty node where a subtree should be.
        assertChildRejected(top, node(null, List.of()), Reason.EMPTY_NODE);
        // A child holding a key of the parent's height.
        assertChildRejected(top, node(null, List.of(entry(key(1, 1), LEAF, null))), Reason.WRONG_HEIGHT);
        // A child on the wrong side of the parent's key.
        MemoryBlockStore store = new MemoryBlockStore();
        byte[] childBytes = TestCbor.encode(node(null, List.of(entry(low, LEAF, null))));
        Cid child = Cid.ofDrisl(childBytes);
        store.put(child, childBytes);
        Object parent = lowFirst ? node(null, List.of(entry(top, LEAF, child))) : node(child, List.of(entry(top, LEAF, null)));
        byte[] parentBytes = TestCbor.encode(parent);
        store.put(Cid.ofDrisl(parentBytes), parentBytes);
        Mst tree = Mst.load(store, Cid.ofDrisl(parentBytes));
        assertThatThrownBy(tree::verify).isInstanceOfSatisfying(MalformedMstException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.KEY_ORDER));
    }

    private static void assertChildRejected(byte[] parentKey, Object child, Reason reason) {
        MemoryBlockStore store = new MemoryBlockStore();
        byte[] childBytes = TestCbor.encode(child);
        Cid childCid = Cid.ofDrisl(childBytes);
        store.put(childCid, childBytes);
        byte[] parentBytes = TestCbor.encode(node(childCid, List.of(entry(parentKey, LEAF, null))));
        store.put(Cid.ofDrisl(parentBytes), parentBytes);
        Mst tree = Mst.load(store, Cid.ofDrisl(parentBytes));
        assertThatThrownBy(tree::size).isInstanceOfSatisfying(MalformedMstException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.node()).isEqualTo(childCid);
        });
    }

    private static void assertRootRejected(byte[] block, Reason reason) {
        MemoryBlockStore store = new MemoryBlockStore();
        Cid cid = Cid.ofDrisl(block);
        store.put(cid, block);
        assertThatThrownBy(() -> Mst.load(store, cid)).isInstanceOfSatisfying(MalformedMstException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.node()).isEqualTo(cid);
        });
    }

    static Map<String, Object> node(Cid left, List<? extends Map<String, Object>> entries) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("e", entries);
        n.put("l", left);
        return n;
    }

    /** Entries for these keys in the given order, prefix-compressed, each mapping to LEAF with no subtree. */
    static List<Map<String, Object>> compressed(List<byte[]> keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        byte[] prev = new byte[0];
        for (byte[] k : keys) {
            int p = MstKey.commonPrefixLength(prev, k);
            out.add(entryRaw(p, suffix(k, p), LEAF, null));
            prev = k;
        }
        return out;
    }

    static Map<String, Object> entry(byte[] key, Cid value, Cid right) {
        return entryRaw(0, key, value, right);
    }

    static Map<String, Object> entryRaw(int p, byte[] suffix, Cid value, Cid right) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("k", suffix);
        e.put("p", p);
        e.put("t", right);
        e.put("v", value);
        return e;
    }

    /** The n-th key of the form {@code com.example.record/k<i>} with the given height. */
    static byte[] key(int height, int n) {
        int seen = 0;
        for (int i = 0; ; i++) {
            String k = "com.example.record/k" + i;
            if (MstKey.height(k) == height && seen++ == n) {
                return k.getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    private static List<byte[]> sorted(byte[]... keys) {
        List<byte[]> out = new ArrayList<>(List.of(keys));
        out.sort(java.util.Arrays::compareUnsigned);
        return out;
    }

    private static byte[] suffix(byte[] key, int p) {
        return java.util.Arrays.copyOfRange(key, p, key.length);
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static byte[] hexReplace(byte[] bytes, String from, String to) {
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex).contains(from);
        return HexFormat.of().parseHex(hex.replaceFirst(from, to));
    }

    private static MstVisitor visitor(List<byte[]> blocks) {
        return new MstVisitor() {
            @Override
            public void node(Cid cid, byte[] block) {
                blocks.add(block);
            }

            @Override
            public void record(String key, Cid value) {}
        };
    }
}
