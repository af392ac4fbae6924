package dev.skein.core.syntax;

import java.util.Arrays;

/**
 * A Timestamp Identifier: a 64-bit integer written as 13 characters of base32-sortable
 * ({@code 234567abcdefghijklmnopqrstuvwxyz}), big-endian, so that string order is numeric order.
 *
 * <p>Layout: top bit 0, then 53 bits of microseconds since the UNIX epoch, then a 10-bit clock id. The string
 * syntax only restricts the first character to {@code [2-7a-j]} (which keeps the value within 64 bits);
 * it does not force the top bit to 0, so a parsed TID may have it set ({@link #asLong()} is then negative,
 * read it as unsigned). Values built with {@link #of} and {@link #fromLong} always have it clear.
 *
 * <p>Spec: https://atproto.com/specs/tid
 */
public record Tid(String value) implements Comparable<Tid> {
    public static final int LENGTH = 13;
    /** Largest microsecond timestamp: 53 bits. */
    public static final long MAX_MICROS = (1L << 53) - 1;
    /** Largest clock id: 10 bits. */
    public static final int MAX_CLOCK_ID = (1 << 10) - 1;

    static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final int CLOCK_ID_BITS = 10;
    private static final byte[] DIGIT = new byte[128];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGIT[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    /** The TID of integer zero. Declared after the digit table it is checked against. */
    public static final Tid ZERO = new Tid("2222222222222");

    public Tid {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("TID", value, reason);
        }
    }

    public static Tid parse(String value) {
        return new Tid(value);
    }

    /** The TID for a timestamp in microseconds since the epoch and a clock id. */
    public static Tid of(long micros, int clockId) {
        if (micros < 0 || micros > MAX_MICROS) {
            throw new IllegalArgumentException("TID timestamp out of range (0.." + MAX_MICROS + "): " + micros);
        }
        if (clockId < 0 || clockId > MAX_CLOCK_ID) {
            throw new IllegalArgumentException("TID clock id out of range (0.." + MAX_CLOCK_ID + "): " + clockId);
        }
        return fromLong((micros << CLOCK_ID_BITS) | clockId);
    }

    /** The TID of a 64-bit value whose top bit is 0. */
    public static Tid fromLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("TID top bit must be 0: " + Long.toUnsignedString(value));
        }
        return new Tid(encode(value));
    }

    /** The 64-bit value (negative only for a parsed TID whose top bit is set). */
    public long asLong() {
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 5) | DIGIT[value.charAt(i)];
        }
        return v;
    }

    /** Microseconds since the UNIX epoch: the 53 bits below the top bit. */
    public long micros() {
        return (asLong() >>> CLOCK_ID_BITS) & MAX_MICROS;
    }

    /** The clock id: the low 10 bits. */
    public int clockId() {
        return (int) (asLong() & MAX_CLOCK_ID);
    }

    /** Chronological order, which is also string order. */
    @Override
    public int compareTo(Tid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    static String encode(long value) {
        char[] out = new char[LENGTH];
        long v = value;
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    private static String check(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() != LENGTH) {
            return "must be " + LENGTH + " characters";
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (c >= 128 || DIGIT[c] < 0) {
                return "character '" + c + "' is not base32-sortable";
            }
        }
        if (DIGIT[s.charAt(0)] > 15) {
            return "first character must be one of 234567abcdefghij";
        }
        return null;
    }
}
