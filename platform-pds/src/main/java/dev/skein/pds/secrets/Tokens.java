package dev.skein.pds.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random tokens and their digests: token ids, app passwords, one-time account tokens. Characters are
 * lowercase base32 ({@code a-z2-7}), which survive copying and typing.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Tokens() {}

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** {@code length} random base32 characters (5 bits of entropy each). */
    public static String random(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    /** An app password: 16 random characters in four groups, {@code xxxx-xxxx-xxxx-xxxx}. */
    public static String appPassword() {
        String r = random(16);
        return r.substring(0, 4) + "-" + r.substring(4, 8) + "-" + r.substring(8, 12) + "-" + r.substring(12);
    }

    /** Whether {@code s} has the shape of an app password. */
    public static boolean isAppPasswordShaped(String s) {
        return s.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}");
    }

    /** A one-time token for a person to copy: 10 characters, {@code xxxxx-xxxxx}. */
    public static String oneTimeToken() {
        String r = random(10);
        return r.substring(0, 5) + "-" + r.substring(5);
    }

    /** SHA-256 of the UTF-8 bytes, as hex: how one-time tokens are stored. */
    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equality in time independent of where the strings differ. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
