package dev.skein.core.encoding;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet: the multibase {@code z} encoding that atproto uses for {@code did:key}
 * and Multikey public keys. Each leading zero byte is written as one {@code 1}; the rest is the big-endian
 * number in base 58.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography#public-key-encoding">cryptography: public key
 * encoding</a>; alphabet from <a href="https://datatracker.ietf.org/doc/html/draft-msporny-base58">draft-msporny-base58</a>.
 */
public final class Base58Btc {
    /**
     * Longest text {@link #decode} accepts. Base58 conversion is quadratic in the length, and atproto only
     * carries short values in it (a did:key is under 60 characters, and a DID is at most 2048).
     */
    public static final int MAX_ENCODED_LENGTH = 2048;

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final byte[] DIGIT = new byte[128];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGIT[ALPHABET[i]] = (byte) i;
        }
    }

    private Base58Btc() {}

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37: enough base-58 digits for the non-zero part.
        byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        char[] out = new char[zeros + used];
        Arrays.fill(out, 0, zeros, ALPHABET[0]);
        for (int j = 0; j < used; j++) {
            out[zeros + j] = ALPHABET[digits[used - 1 - j]];
        }
        return new String(out);
    }

    /**
     * Decodes base58btc text (without a multibase prefix).
     *
     * @throws InvalidBase58Exception if the text is longer than {@link #MAX_ENCODED_LENGTH} or holds a
     *     character outside the alphabet
     */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        if (len > MAX_ENCODED_LENGTH) {
            throw new InvalidBase58Exception(InvalidBase58Exception.Reason.TOO_LONG, len, '\0');
        }
        int zeros = 0;
        while (zeros < len && text.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        // log(58) / log(256) < 0.733: enough bytes for the rest.
        byte[] bytes = new byte[(len - zeros) * 733 / 1000 + 1];
        int used = 0;
        for (int i = zeros; i < len; i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? DIGIT[c] : -1;
            if (carry < 0) {
                throw new InvalidBase58Exception(InvalidBase58Exception.Reason.INVALID_CHARACTER, i, c);
            }
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + used];
        for (int j = 0; j < used; j++) {
            out[zeros + j] = bytes[used - 1 - j];
        }
        return out;
    }

    /**
     * Text that is not base58btc. Nested here rather than in its own file because this package's shared
     * error type is owned elsewhere; {@link #position()} is the offending index (or the length, for
     * {@link Reason#TOO_LONG}).
     */
    public static final class InvalidBase58Exception extends IllegalArgumentException {
        /** What was wrong with the text. */
        public enum Reason { TOO_LONG, INVALID_CHARACTER }

        private final Reason reason;
        private final int position;
        private final char character;

        InvalidBase58Exception(Reason reason, int position, char character) {
            super(switch (reason) {
                case TOO_LONG -> "base58btc: text of " + position + " characters exceeds " + MAX_ENCODED_LENGTH;
                case INVALID_CHARACTER -> "base58btc: invalid character U+%04X at %d".formatted((int) character, position);
            });
            this.reason = reason;
            this.position = position;
            this.character = character;
        }

        public Reason reason() {
            return reason;
        }

        public int position() {
            return position;
        }

        /** The rejected character, or {@code '\0'} for {@link Reason#TOO_LONG}. */
        public char character() {
            return character;
        }
    }
}
