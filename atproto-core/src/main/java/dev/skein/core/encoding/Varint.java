package dev.skein.core.encoding;

import java.io.ByteArrayOutputStream;

/**
 * Unsigned LEB128 varints as multiformats use them: at most 9 bytes (63 bits), minimally encoded.
 */
public final class Varint {
    /** The multiformats limit: 9 bytes, i.e. values below 2^63. */
    public static final int MAX_BYTES = 9;

    private Varint() {}

    /** Number of bytes {@code value} takes. */
    public static int size(long value) {
        if (value < 0) {
            throw new EncodingException("varint", "negative value");
        }
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code value} at {@code offset}, returning the offset after it. */
    public static int write(long value, byte[] out, int offset) {
        if (value < 0) {
            throw new EncodingException("varint", "negative value");
        }
        while ((value & ~0x7FL) != 0) {
            out[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[offset++] = (byte) value;
        return offset;
    }

    public static void write(long value, ByteArrayOutputStream out) {
        byte[] tmp = new byte[MAX_BYTES + 1];
        int n = write(value, tmp, 0);
        out.write(tmp, 0, n);
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /** A decoded varint and the number of bytes it took. */
    public record Decoded(long value, int length) {}

    /** Decodes a minimally encoded varint starting at {@code offset}. */
    public static Decoded decode(byte[] in, int offset) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= in.length) {
                throw new EncodingException("varint", "truncated");
            }
            int b = in[offset + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new EncodingException("varint", "not minimally encoded");
                }
                return new Decoded(value, i + 1);
            }
        }
        throw new EncodingException("varint", "longer than " + MAX_BYTES + " bytes");
    }
}
