package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import java.nio.charset.StandardCharsets;

/**
 * MST keys: repo paths ({@code <collection>/<rkey>}) as bytes, and the key height that places them in
 * the tree.
 *
 * <p>Validity follows the reference implementation's rule (the spec describes repo paths; the reference
 * accepts the same set in its MST): at most {@value #MAX_LENGTH} characters, exactly two non-empty
 * segments separated by {@code /}, each of {@code A-Za-z0-9 _ ~ - : .}. Valid keys are therefore ASCII,
 * so a key's UTF-8 bytes and its characters sort the same way.
 */
public final class MstKey {
    /** Longest key the reference MST accepts. */
    public static final int MAX_LENGTH = 1024;

    private MstKey() {}

    /** Whether {@code key} is a valid MST key. */
    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        int slash = -1;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '/') {
                if (slash >= 0) {
                    return false;
                }
                slash = i;
            } else if (!isKeyChar(c)) {
                return false;
            }
        }
        return slash > 0 && slash < key.length() - 1;
    }

    /** Same rule over bytes (as read from a node). */
    static boolean isValid(byte[] key) {
        if (key.length == 0 || key.length > MAX_LENGTH) {
            return false;
        }
        int slash = -1;
        for (int i = 0; i < key.length; i++) {
            int c = key[i] & 0xff;
            if (c == '/') {
                if (slash >= 0) {
                    return false;
                }
                slash = i;
            } else if (c >= 0x80 || !isKeyChar((char) c)) {
                return false;
            }
        }
        return slash > 0 && slash < key.length - 1;
    }

    /** The key's bytes, or {@link InvalidMstKeyException}. */
    public static byte[] validate(String key) {
        if (!isValid(key)) {
            throw new InvalidMstKeyException(key);
        }
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The key's height (layer): leading zero bits of SHA-256 of its UTF-8 bytes, halved and rounded
     * down, which gives a fanout of 4. Defined for any string, valid key or not.
     */
    public static int height(String key) {
        return heightOfBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #height(String)} over raw bytes. */
    public static int heightOfBytes(byte[] key) {
        byte[] hash = Cid.sha256(key);
        int zeros = 0;
        for (byte b : hash) {
            if (b == 0) {
                zeros += 8;
                continue;
            }
            zeros += Integer.numberOfLeadingZeros(b & 0xff) - 24;
            break;
        }
        return zeros / 2;
    }

    /** Number of leading bytes {@code a} and {@code b} share: the {@code p} of prefix compression. */
    public static int commonPrefixLength(byte[] a, byte[] b) {
        int m = java.util.Arrays.mismatch(a, b);
        return m < 0 ? a.length : m;
    }

    /** {@link #commonPrefixLength(byte[], byte[])} over the strings' UTF-8 bytes. */
    public static int commonPrefixLength(String a, String b) {
        return commonPrefixLength(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '~' || c == '-' || c == ':' || c == '.';
    }
}
