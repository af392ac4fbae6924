package dev.skein.core.encoding;

/**
 * RFC 4648 base32 with the lowercase alphabet {@code a-z2-7} and no padding: the multibase {@code b}
 * encoding that atproto uses for CIDs.
 */
public final class Base32 {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = (byte) i;
        }
    }

    private Base32() {}

    public static String encode(byte[] data) {
        char[] out = new char[(data.length * 8 + 4) / 5];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[o++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) {
            out[o++] = ALPHABET[(buffer << (5 - bits)) & 31];
        }
        return new String(out, 0, o);
    }

    /** Decodes lowercase unpadded base32; rejects other characters and non-zero trailing bits. */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        byte[] out = new byte[len * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            int v = c < 128 ? DECODE[c] : -1;
            if (v < 0) {
                throw new EncodingException("base32", "invalid character at " + i);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[o++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new EncodingException("base32", "invalid length or non-zero padding bits");
        }
        return out;
    }
}
