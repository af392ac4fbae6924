package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable Merkle Search Tree over a {@link BlockStore}: the key/value map of an atproto repository
 * (repo paths to record CIDs).
 *
 * <p>Writes return a new tree that shares every untouched node with this one. Nodes of a loaded tree are
 * read from the store when first needed and checked then ({@link MalformedMstException}); a node the
 * store lacks is a {@link dev.skein.core.blocks.MissingBlockException} at the point of need, so a partial
 * tree (a commit proof) works as far as its blocks go. Node CIDs are computed once, when first asked for.
 * New nodes stay in memory until the caller stores {@link #unstoredBlocks()} (or a diff's added nodes).
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#mst-structure">repository: MST structure</a>.
 */
public final class Mst {
    /**
     * Most entries one node may hold. With fanout 4 a run of n same-height keys has probability about
     * 0.75^n, so honest trees never come near; only mined keys do.
     */
    public static final int MAX_ENTRIES_PER_NODE = 256;
    /**
     * Highest key height (so at most this many plus one levels). Reaching height h takes about 4^h
     * hashes of mining; 32 is out of reach, and random keys of a ten-million-record repo stay near 12.
     */
    public static final int MAX_HEIGHT = 32;

    private final BlockStore store;
    private final MstNode root;

    private Mst(BlockStore store, MstNode root) {
        this.store = Objects.requireNonNull(store, "store");
        this.root = root;
    }

    /** The empty tree. */
    public static Mst empty(BlockStore store) {
        return new Mst(store, MstNode.EMPTY);
    }

    /** The tree whose root node has this CID; reads and checks the root block now, the rest on demand. */
    public static Mst load(BlockStore store, Cid root) {
        MstNodeCodec.Decoded d = MstNodeCodec.decode(store.require(root), root, -1, null, null);
        return new Mst(store, MstNode.loaded(root, d.height(), d.body()));
    }

    /** The tree holding exactly these entries, built in one pass (no intermediate trees). */
    public static Mst build(BlockStore store, Map<String, Cid> entries) {
        int n = entries.size();
        byte[][] keys = new byte[n][];
        int i = 0;
        for (String key : entries.keySet()) {
            keys[i++] = MstKey.validate(key);
        }
        Arrays.sort(keys, Arrays::compareUnsigned);
        Cid[] values = new Cid[n];
        int[] heights = new int[n];
        for (int k = 0; k < n; k++) {
            String key = new String(keys[k], StandardCharsets.US_ASCII);
            values[k] = Objects.requireNonNull(entries.get(key), "value");
            heights[k] = MstKey.heightOfBytes(keys[k]);
        }
        return new Mst(store, MstBuild.build(keys, values, heights));
    }

    public BlockStore store() {
        return store;
    }

    /** The root node's CID: the {@code data} of a commit. */
    public Cid root() {
        return root.cid();
    }

    /** The root's height (0 for an empty tree). */
    public int height() {
        return root.height;
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    MstNode rootNode() {
        return root;
    }

    /** The value at {@code key}, if any. */
    public Optional<Cid> get(String key) {
        byte[] k = MstKey.validate(key);
        int height = MstKey.heightOfBytes(k);
        MstNode node = root;
        while (node != null && height <= node.height) {
            MstNode.Body b = node.body(store);
            int found = MstNode.search(b.keys(), k);
            if (height == node.height) {
                return found >= 0 ? Optional.of(b.values()[found]) : Optional.empty();
            }
            node = found >= 0 ? null : b.children()[-found - 1];
        }
        return Optional.empty();
    }

    /** This tree with {@code key} mapped to {@code value} (inserted or updated); this tree if already so. */
    public Mst put(String key, Cid value) {
        Objects.requireNonNull(value, "value");
        byte[] k = MstKey.validate(key);
        int height = MstKey.heightOfBytes(k);
        if (height > MAX_HEIGHT) {
            throw new MstLimitException(MstLimitException.Limit.HEIGHT, height);
        }
        MstNode next = MstInsert.insert(store, root, k, height, value);
        return next == root ? this : new Mst(store, next);
    }

    /** This tree without {@code key}; this tree if the key is absent. */
    public Mst delete(String key) {
        byte[] k = MstKey.validate(key);
        MstNode next = MstRemove.remove(store, root, k, MstKey.heightOfBytes(k));
        return next == root ? this : new Mst(store, next);
    }

    /**
     * Up to {@code limit} entries with keys strictly between {@code after} and {@code before} (either may
     * be null: unbounded), ascending or, with {@code reverse}, descending. Bounds need not be valid keys:
     * a collection's records are those between {@code "coll/"} and {@code "coll0"}.
     */
    public List<MstEntry> list(String after, String before, int limit, boolean reverse) {
        if (limit <= 0) {
            return List.of();
        }
        List<MstEntry> out = new ArrayList<>(Math.min(limit, 256));
        MstWalk.scan(store, root, bytes(after), bytes(before), reverse, (k, v) -> {
            out.add(new MstEntry(new String(k, StandardCharsets.US_ASCII), v));
            return out.size() < limit;
        });
        return out;
    }

    /** Every entry, in key order. */
    public void forEach(BiConsumer<String, Cid> action) {
        MstWalk.scan(store, root, null, null, false, (k, v) -> {
            action.accept(new String(k, StandardCharsets.US_ASCII), v);
            return true;
        });
    }

    /** Number of entries (reads the whole tree). */
    public long size() {
        long[] n = {0};
        MstWalk.scan(store, root, null, null, false, (k, v) -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    /**
     * The whole tree in the streamable CAR order: each node's block, then its slots in order (a child's
     * subtree depth-first, a record link in its place).
     */
    public void walk(MstVisitor visitor) {
        MstWalk.preorder(store, root, visitor);
    }

    /** Blocks of the nodes this tree built in memory that its store does not hold yet, parents first. */
    public Map<Cid, byte[]> unstoredBlocks() {
        Map<Cid, byte[]> out = new LinkedHashMap<>();
        MstWalk.unstored(store, root, out, new HashSet<>());
        return Collections.unmodifiableMap(out);
    }

    /**
     * The proof blocks a commit slice carries for an operation on {@code key} (computed on the tree after
     * the commit): the key's path and the paths to its neighbours, as the reference computes them.
     */
    public Map<Cid, byte[]> coveringProof(String key) {
        return Collections.unmodifiableMap(MstProof.covering(store, root, MstKey.validate(key)));
    }

    /** The node CIDs from the root to {@code key} (or where it would be), then its value if present. */
    public List<Cid> cidsForPath(String key) {
        return List.copyOf(MstProof.cidsForPath(store, root, MstKey.validate(key)));
    }

    /** Reads every node and checks the structure rules; throws {@link MalformedMstException}. */
    public void verify() {
        MstVerify.verify(store, root);
    }

    private static byte[] bytes(String bound) {
        return bound == null ? null : bound.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Mst[" + root() + "]";
    }
}
