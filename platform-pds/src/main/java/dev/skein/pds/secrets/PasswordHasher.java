package dev.skein.pds.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Password hashes with scrypt (r = 8, p = 1, a 16-byte random salt per hash, 64 bytes out), written with
 * their parameters in the PHC string format: {@code $scrypt$ln=15,r=8,p=1$<salt>$<hash>} (base64 without
 * padding). A stored hash keeps working when the configured cost is raised; {@link #needsRehash} tells
 * when to store a new one.
 */
public final class PasswordHasher {
    static final int R = 8;
    static final int P = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 64;
    /** Longest password accepted (the reference PDS's limit); longer ones never match. */
    public static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern PHC = Pattern.compile(
            "\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int log2N;

    /** A hasher with N = 2^{@code log2N} (14 to 20). */
    public PasswordHasher(int log2N) {
        if (log2N < 14 || log2N > 20) {
            throw new IllegalArgumentException("scrypt cost out of range (14..20): " + log2N);
        }
        this.log2N = log2N;
    }

    public String hash(String password) {
        byte[] salt = Tokens.randomBytes(SALT_BYTES);
        byte[] h = derive(password, salt, log2N, R, P);
        return "$scrypt$ln=" + log2N + ",r=" + R + ",p=" + P + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /** Whether {@code password} matches {@code encoded}; false for a malformed hash or an over-long password. */
    public boolean verify(String password, String encoded) {
        if (encoded == null || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        int ln = Integer.parseInt(m.group(1));
        int r = Integer.parseInt(m.group(2));
        int p = Integer.parseInt(m.group(3));
        if (ln < 10 || ln > 20 || r < 1 || p < 1) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        return MessageDigest.isEqual(derive(password, salt, ln, r, p), expected);
    }

    /** Whether {@code encoded} was made with a lower cost than this hasher's. */
    public boolean needsRehash(String encoded) {
        Matcher m = PHC.matcher(encoded);
        return !m.matches() || Integer.parseInt(m.group(1)) < log2N;
    }

    private static byte[] derive(String password, byte[] salt, int ln, int r, int p) {
        return SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 1 << ln, r, p, HASH_BYTES);
    }
}
