package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import dev.skein.core.mst.MalformedMstException.Reason;
import dev.skein.core.mst.MstNode.Body;
import java.util.Arrays;

/**
 * The node block format, written and read directly rather than through a generic data model: the
 * schema is fixed, and a node is encoded and hashed on every write.
 *
 * <p>Canonical DRISL of {@code {e: [{k, p, t, v}…], l}}: map keys in length-then-bytewise order
 * ({@code e, l}; {@code k, p, t, v}), shortest integer and length heads, links as tag 42 over
 * {@code 0x00 ‖ CID}, {@code null} for an empty {@code l}/{@code t}. Decoding accepts exactly that
 * encoding and nothing else, so a decoded node re-encodes to the same bytes (and CID), and it checks
 * the node against the tree rules the parent implies.
 */
final class MstNodeCodec {
    private static final int MAJOR_UINT = 0;
    private static final int MAJOR_BYTES = 2;
    private static final int MAJOR_ARRAY = 4;
    private static final int NULL = 0xf6;
    private static final int TAG_CID_1 = 0xd8;
    private static final int TAG_CID_2 = 0x2a;
    private static final byte[] NO_BYTES = new byte[0];

    private MstNodeCodec() {}

    /** A decoded node: its height (derived from its keys when the caller did not know it) and content. */
    record Decoded(int height, Body body) {}

    static byte[] encode(Body b) {
        byte[][] keys = b.keys();
        MstBlockWriter out = new MstBlockWriter(16 + keys.length * 120);
        out.put(0xa2);
        out.put(0x61);
        out.put('e');
        out.head(MAJOR_ARRAY, keys.length);
        byte[] prev = NO_BYTES;
        for (int i = 0; i < keys.length; i++) {
            byte[] key = keys[i];
            int p = MstKey.commonPrefixLength(prev, key);
            out.put(0xa4);
            out.put(0x61);
            out.put('k');
            out.head(MAJOR_BYTES, key.length - p);
            out.put(key, p, key.length - p);
            out.put(0x61);
            out.put('p');
            out.head(MAJOR_UINT, p);
            out.put(0x61);
            out.put('t');
            link(out, b.children()[i + 1]);
            out.put(0x61);
            out.put('v');
            link(out, b.values()[i]);
            prev = key;
        }
        out.put(0x61);
        out.put('l');
        link(out, b.children()[0]);
        return out.toByteArray();
    }

    private static void link(MstBlockWriter out, MstNode child) {
        if (child == null) {
            out.put(NULL);
        } else {
            link(out, child.cid());
        }
    }

    private static void link(MstBlockWriter out, Cid cid) {
        out.put(TAG_CID_1);
        out.put(TAG_CID_2);
        out.head(MAJOR_BYTES, cid.byteLength() + 1);
        out.put(0);
        out.putCid(cid);
    }

    /**
     * Decodes and validates a stored node.
     *
     * @param expectedHeight the height the parent implies, or -1 for a root (derived from its keys)
     * @param lowerBound keys must be greater (null: unbounded)
     * @param upperBound keys must be smaller (null: unbounded)
     */
    static Decoded decode(byte[] block, Cid cid, int expectedHeight, byte[] lowerBound, byte[] upperBound) {
        MstBlockReader in = new MstBlockReader(block, cid);
        in.expect(0xa2, "node must be a map of two keys");
        in.expectKey('e');
        int n = in.head(MAJOR_ARRAY);
        if (n > Mst.MAX_ENTRIES_PER_NODE) {
            throw new MalformedMstException(cid, Reason.TOO_MANY_ENTRIES, n + " entries");
        }
        byte[][] keys = new byte[n][];
        Cid[] values = new Cid[n];
        Cid[] rights = new Cid[n];
        byte[] prev = NO_BYTES;
        for (int i = 0; i < n; i++) {
            in.expect(0xa4, "entry must be a map of four keys");
            in.expectKey('k');
            int suffixLength = in.head(MAJOR_BYTES);
            if (suffixLength > MstKey.MAX_LENGTH) {
                throw new MalformedMstException(cid, Reason.INVALID_KEY, "key suffix of " + suffixLength + " bytes");
            }
            int suffixStart = in.skip(suffixLength);
            in.expectKey('p');
            int p = in.head(MAJOR_UINT);
            if (p > prev.length || p + suffixLength > MstKey.MAX_LENGTH) {
                throw new MalformedMstException(cid, Reason.PREFIX_LENGTH, "prefix length " + p + " at entry " + i);
            }
            byte[] key = new byte[p + suffixLength];
            System.arraycopy(prev, 0, key, 0, p);
            System.arraycopy(block, suffixStart, key, p, suffixLength);
            // Compression is mandatory and exact: a shorter p than the shared prefix is another encoding.
            if (p < prev.length && suffixLength > 0 && key[p] == prev[p]) {
                throw new MalformedMstException(cid, Reason.PREFIX_LENGTH, "prefix length " + p + " is not the shared prefix at entry " + i);
            }
            in.expectKey('t');
            rights[i] = in.nullableLink(true);
            in.expectKey('v');
            values[i] = in.link(false);
            if (!MstKey.isValid(key)) {
                throw new MalformedMstException(cid, Reason.INVALID_KEY, "entry " + i);
            }
            if (i > 0 && Arrays.compareUnsigned(prev, key) >= 0) {
                throw new MalformedMstException(cid, Reason.KEY_ORDER, "keys not strictly ascending at entry " + i);
            }
            keys[i] = key;
            prev = key;
        }
        in.expectKey('l');
        Cid left = in.nullableLink(true);
        in.end();

        int height = nodeHeight(cid, keys, left, expectedHeight);
        if (n > 0) {
            if ((lowerBound != null && Arrays.compareUnsigned(keys[0], lowerBound) <= 0)
                    || (upperBound != null && Arrays.compareUnsigned(keys[n - 1], upperBound) >= 0)) {
                throw new MalformedMstException(cid, Reason.KEY_ORDER, "keys outside the range of the parent's slot");
            }
        }
        MstNode[] children = new MstNode[n + 1];
        if (height == 0) {
            if (left != null || Arrays.stream(rights).anyMatch(r -> r != null)) {
                throw new MalformedMstException(cid, Reason.CHILD_BELOW_ZERO, "subtree link at height 0");
            }
        } else {
            children[0] = left == null ? null
                    : MstNode.stub(left, height - 1, lowerBound, n == 0 ? upperBound : keys[0]);
            for (int i = 0; i < n; i++) {
                children[i + 1] = rights[i] == null ? null
                        : MstNode.stub(rights[i], height - 1, keys[i], i + 1 < n ? keys[i + 1] : upperBound);
            }
        }
        return new Decoded(height, new Body(keys, values, children));
    }

    private static int nodeHeight(Cid cid, byte[][] keys, Cid left, int expectedHeight) {
        if (keys.length == 0) {
            if (expectedHeight < 0) {
                if (left != null) {
                    throw new MalformedMstException(cid, Reason.ROOT_IS_POINTER, "root has no entries, only a subtree");
                }
                return 0;
            }
            if (left == null) {
                throw new MalformedMstException(cid, Reason.EMPTY_NODE, "non-root node with no entries and no subtree");
            }
            return expectedHeight;
        }
        int height = expectedHeight >= 0 ? expectedHeight : MstKey.heightOfBytes(keys[0]);
        if (height > Mst.MAX_HEIGHT) {
            throw new MalformedMstException(cid, Reason.TOO_TALL, "height " + height);
        }
        for (int i = 0; i < keys.length; i++) {
            int h = MstKey.heightOfBytes(keys[i]);
            if (h != height) {
                throw new MalformedMstException(cid, Reason.WRONG_HEIGHT,
                        "entry " + i + " has height " + h + " in a node at height " + height);
            }
        }
        return height;
    }
}
