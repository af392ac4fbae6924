package dev.skein.core.cid;

import dev.skein.core.encoding.Base32;
import dev.skein.core.encoding.EncodingException;
import dev.skein.core.encoding.Varint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A content identifier, kept as its binary form.
 *
 * <p>Only CIDv1 is supported (atproto never uses CIDv0). Equality, hashing and ordering are over the
 * binary form; {@link #toString()} gives the multibase base32 form ({@code b…}).
 */
public final class Cid implements Comparable<Cid> {
    public static final int CODEC_DRISL = 0x71;
    public static final int CODEC_RAW = 0x55;
    public static final int MULTIHASH_SHA2_256 = 0x12;
    /** CIDs longer than this are rejected (atproto's data-validation guidance). */
    public static final int MAX_BYTES = 100;

    /** The loose string syntax atproto's lexicon {@code cid} format accepts. */
    private static final Pattern SYNTAX = Pattern.compile("^[a-zA-Z0-9+=]{8,256}$");

    private final byte[] bytes;
    private final int version;
    private final int codec;
    private final int multihashCode;
    private final int digestOffset;
    private int hash;
    private String string;

    private Cid(byte[] bytes, int version, int codec, int multihashCode, int digestOffset) {
        this.bytes = bytes;
        this.version = version;
        this.codec = codec;
        this.multihashCode = multihashCode;
        this.digestOffset = digestOffset;
    }

    /** The CIDv1 (dag-cbor, sha2-256) of a DRISL block: how records, MST nodes and commits are addressed. */
    public static Cid ofDrisl(byte[] block) {
        return of(CODEC_DRISL, sha256(block));
    }

    /** The CIDv1 (raw, sha2-256) of a blob. */
    public static Cid ofRaw(byte[] blob) {
        return of(CODEC_RAW, sha256(blob));
    }

    /** A CIDv1 with the given codec over a sha2-256 digest. */
    public static Cid of(int codec, byte[] sha256Digest) {
        if (sha256Digest.length != 32) {
            throw new InvalidCidException("sha2-256 digest must be 32 bytes");
        }
        int codecLen = Varint.size(codec);
        byte[] b = new byte[1 + codecLen + 2 + 32];
        b[0] = 1;
        int o = Varint.write(codec, b, 1);
        b[o++] = MULTIHASH_SHA2_256;
        b[o++] = 32;
        System.arraycopy(sha256Digest, 0, b, o, 32);
        return new Cid(b, 1, codec, MULTIHASH_SHA2_256, o);
    }

    /** Parses a binary CID that must span the whole array. */
    public static Cid fromBytes(byte[] binary) {
        Cid cid = read(binary, 0);
        if (cid.bytes.length != binary.length) {
            throw new InvalidCidException("trailing bytes after CID");
        }
        return cid;
    }

    /** Reads a binary CID that starts at {@code offset} (e.g. inside a CAR block); its length is {@link #byteLength()}. */
    public static Cid read(byte[] in, int offset) {
        try {
            Varint.Decoded version = Varint.decode(in, offset);
            if (version.value() != 1) {
                throw new InvalidCidException("unsupported CID version " + version.value());
            }
            int o = offset + version.length();
            Varint.Decoded codec = Varint.decode(in, o);
            o += codec.length();
            Varint.Decoded mh = Varint.decode(in, o);
            o += mh.length();
            Varint.Decoded digestLen = Varint.decode(in, o);
            o += digestLen.length();
            if (codec.value() > Integer.MAX_VALUE || mh.value() > Integer.MAX_VALUE) {
                throw new InvalidCidException("codec or multihash code out of range");
            }
            if (digestLen.value() > MAX_BYTES || o + digestLen.value() > in.length) {
                throw new InvalidCidException("CID digest truncated or too long");
            }
            int end = o + (int) digestLen.value();
            if (end - offset > MAX_BYTES) {
                throw new InvalidCidException("CID longer than " + MAX_BYTES + " bytes");
            }
            byte[] b = Arrays.copyOfRange(in, offset, end);
            return new Cid(b, 1, (int) codec.value(), (int) mh.value(), o - offset);
        } catch (EncodingException e) {
            throw new InvalidCidException("malformed CID: " + e.getMessage());
        }
    }

    /**
     * Parses the string form of a CIDv1 in multibase base32 ({@code b…}). Other multibase encodings are
     * legal CIDs but never used by atproto, and are rejected here.
     */
    public static Cid parse(String text) {
        if (text == null || text.length() < 2 || text.length() > 2 * MAX_BYTES) {
            throw new InvalidCidException("not a CID string");
        }
        if (text.charAt(0) != 'b') {
            throw new InvalidCidException("only base32 (multibase 'b') CID strings are supported: " + abbreviate(text));
        }
        try {
            return fromBytes(Base32.decode(text.subSequence(1, text.length())));
        } catch (EncodingException e) {
            throw new InvalidCidException("invalid CID string " + abbreviate(text) + ": " + e.getMessage());
        }
    }

    /**
     * Whether {@code text} passes the loose syntax check of the lexicon {@code cid} string format (any
     * multibase CID string of 8 to 256 characters, but not a CIDv0, which atproto does not support).
     */
    public static boolean isValidSyntax(String text) {
        return text != null && SYNTAX.matcher(text).matches() && !text.startsWith("Qmb");
    }

    public int version() {
        return version;
    }

    public int codec() {
        return codec;
    }

    public int multihashCode() {
        return multihashCode;
    }

    /** Whether this is the kind of CID atproto blesses: v1, dag-cbor or raw, sha2-256. */
    public boolean isBlessed() {
        return version == 1 && (codec == CODEC_DRISL || codec == CODEC_RAW)
                && multihashCode == MULTIHASH_SHA2_256 && bytes.length - digestOffset == 32;
    }

    /** The hash digest (a copy). */
    public byte[] digest() {
        return Arrays.copyOfRange(bytes, digestOffset, bytes.length);
    }

    /** The binary form (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Length of the binary form. */
    public int byteLength() {
        return bytes.length;
    }

    /** Copies the binary form into {@code out} at {@code offset}; returns the offset after it. */
    public int writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, bytes.length);
        return offset + bytes.length;
    }

    /** Whether {@code data} hashes to this CID (sha2-256 only). */
    public boolean matches(byte[] data) {
        if (multihashCode != MULTIHASH_SHA2_256 || bytes.length - digestOffset != 32) {
            return false;
        }
        byte[] d = sha256(data);
        return Arrays.equals(d, 0, 32, bytes, digestOffset, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Cid c && Arrays.equals(bytes, c.bytes));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    /** Orders by binary form, unsigned bytewise. */
    @Override
    public int compareTo(Cid o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        String s = string;
        if (s == null) {
            s = "b" + Base32.encode(bytes);
            string = s;
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }
}
