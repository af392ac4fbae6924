package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import dev.skein.core.mst.MalformedMstException.Reason;

/** A strict cursor over one node block: any deviation from canonical form is a {@link MalformedMstException}. */
final class MstBlockReader {
    private static final int MAJOR_BYTES = 2;
    private static final int NULL = 0xf6;
    private static final int TAG_CID_1 = 0xd8;
    private static final int TAG_CID_2 = 0x2a;
    /** A binary CID is at most this long (atproto's limit), so a link's byte string is at most one more. */
    private static final int MAX_LINK_BYTES = Cid.MAX_BYTES + 1;

    private final byte[] in;
    private final Cid cid;
    private int pos;

    MstBlockReader(byte[] in, Cid cid) {
        this.in = in;
        this.cid = cid;
    }

    private MalformedMstException malformed(String message) {
        return new MalformedMstException(cid, Reason.ENCODING, message + " at byte " + pos);
    }

    private int next() {
        if (pos >= in.length) {
            throw malformed("unexpected end of block");
        }
        return in[pos++] & 0xff;
    }

    void expect(int b, String what) {
        if (next() != b) {
            pos--;
            throw malformed(what);
        }
    }

    /** A one-letter map key, which must come in canonical order (the caller asks in that order). */
    void expectKey(char k) {
        expect(0x61, "expected map key '" + k + "'");
        expect(k, "expected map key '" + k + "'");
    }

    /** A head of the given major type with its argument in the shortest form. */
    int head(int major) {
        int b = next();
        if (b >>> 5 != major) {
            pos--;
            throw malformed("expected CBOR major type " + major);
        }
        int info = b & 0x1f;
        long v;
        if (info < 24) {
            return info;
        } else if (info == 24) {
            v = next();
            if (v < 24) {
                throw malformed("non-shortest integer head");
            }
        } else if (info == 25) {
            v = ((long) next() << 8) | next();
            if (v < 0x100) {
                throw malformed("non-shortest integer head");
            }
        } else if (info == 26) {
            v = ((long) next() << 24) | ((long) next() << 16) | ((long) next() << 8) | next();
            if (v < 0x10000) {
                throw malformed("non-shortest integer head");
            }
        } else {
            // 27 would exceed every limit here; 28-31 are reserved or indefinite lengths.
            throw malformed("unsupported CBOR head");
        }
        if (v > Integer.MAX_VALUE) {
            throw malformed("length out of range");
        }
        return (int) v;
    }

    /** Skips {@code n} bytes, returning where they start. */
    int skip(int n) {
        if (n > in.length - pos) {
            throw malformed("unexpected end of block");
        }
        int start = pos;
        pos += n;
        return start;
    }

    Cid nullableLink(boolean nodeLink) {
        if (pos < in.length && (in[pos] & 0xff) == NULL) {
            pos++;
            return null;
        }
        return link(nodeLink);
    }

    Cid link(boolean nodeLink) {
        expect(TAG_CID_1, "expected a CID link (tag 42)");
        expect(TAG_CID_2, "expected a CID link (tag 42)");
        int length = head(MAJOR_BYTES);
        if (length < 2 || length > MAX_LINK_BYTES) {
            throw malformed("CID link of " + length + " bytes");
        }
        int start = skip(length);
        if (in[start] != 0) {
            throw malformed("CID link without the 0x00 prefix");
        }
        Cid c;
        try {
            c = Cid.read(in, start + 1);
        } catch (InvalidCidException e) {
            throw malformed("invalid CID: " + e.getMessage());
        }
        if (c.byteLength() != length - 1) {
            throw malformed("trailing bytes in CID link");
        }
        if (nodeLink && !(c.isBlessed() && c.codec() == Cid.CODEC_DRISL)) {
            throw new MalformedMstException(cid, Reason.LINK_NOT_BLESSED, "subtree link " + c);
        }
        return c;
    }

    void end() {
        if (pos != in.length) {
            throw malformed("trailing bytes after node");
        }
    }
}
