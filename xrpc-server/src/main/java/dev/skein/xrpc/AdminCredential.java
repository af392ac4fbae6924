package dev.skein.xrpc;

import reactor.core.scheduler.Schedulers;
import reactor.core.publisher.Mono;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The operator's credential that every role with admin methods accepts: HTTP Basic with user {@code admin}
 * and one password, as atproto services take admin calls. Only a hash of the password is kept, in the form
 * {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} (base64 without padding; PBKDF2-HMAC-SHA256 comes with
 * every JDK), so the data directory and the settings passed between roles never hold the password itself.
 *
 * <p>A hash costs a few hundred milliseconds by design; once a presented password has matched, its SHA-256
 * is remembered so that later calls with it are a constant-time comparison rather than another derivation.
 */
public final class AdminCredential {
    /** The only user name admin calls use. */
    public static final String USER = "admin";
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$pbkdf2-sha256\\$i=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;
    private volatile byte[] verified;
    private final byte[] inProcessSecret;

    private AdminCredential(int iterations, byte[] salt, byte[] hash) {
        this(iterations, salt, hash, null);
    }

    private AdminCredential(int iterations, byte[] salt, byte[] hash, byte[] inProcessSecret) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
        this.inProcessSecret = inProcessSecret;
    }

    /**
     * This credential, also accepting {@code secret}: a random value a service generates for admin calls it makes
     * to itself (it holds only the operator's hash, never the operator's password). The secret is high-entropy,
     * so it is compared by its SHA-256, without the slow derivation; it is never stored and never shown.
     */
    public AdminCredential alsoAcceptingInProcessSecret(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("an in-process admin secret must be at least 32 random characters");
        }
        return new AdminCredential(iterations, salt, hash, sha256(secret));
    }

    /** A credential from a stored hash; an {@link IllegalArgumentException} names the problem, never the value. */
    public static AdminCredential ofHash(String encoded) {
        Matcher m = FORMAT.matcher(encoded == null ? "" : encoded.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("the admin password hash is not of the form $pbkdf2-sha256$i=<n>$<salt>$<hash>");
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < 10_000) {
            throw new IllegalArgumentException("the admin password hash has too few iterations: " + iterations);
        }
        return new AdminCredential(iterations, Base64.getDecoder().decode(m.group(2)), Base64.getDecoder().decode(m.group(3)));
    }

    /** A credential for {@code password}, hashed now with a fresh salt. */
    public static AdminCredential ofPassword(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("the admin password is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new AdminCredential(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** The hash to store or pass on: {@link #ofHash} reads it back. */
    public String encoded() {
        return "$pbkdf2-sha256$i=" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} is the admin password. */
    public boolean matches(String password) {
        if (password == null || password.isEmpty() || password.length() > 1024) {
            return false;
        }
        byte[] digest = sha256(password);
        if (inProcessSecret != null && MessageDigest.isEqual(inProcessSecret, digest)) {
            return true;
        }
        byte[] known = verified;
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (MessageDigest.isEqual(derive(password, salt, iterations), hash)) {
            verified = digest;
            return true;
        }
        return false;
    }

    /** Whether an {@code Authorization} header value uses the {@code Basic} scheme, the one admin calls use. */
    public static boolean isBasic(String authorization) {
        int space = authorization.indexOf(' ');
        return (space < 0 ? authorization : authorization.substring(0, space)).equalsIgnoreCase("basic");
    }

    /**
     * {@link #allowsHeader} off the event loop (a derivation costs hundreds of milliseconds by design): completes
     * with {@code granted} when the header carries this password, else fails with {@code refusal}'s exception.
     */
    public <C> Mono<C> check(String authorization, C granted, Supplier<? extends RuntimeException> refusal) {
        return Mono.fromCallable(() -> {
            if (allowsHeader(authorization)) {
                return granted;
            }
            throw refusal.get();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether an {@code Authorization} header value is {@code Basic base64(admin:<password>)} with this password. */
    public boolean allowsHeader(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !isBasic(authorization)) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        return colon > 0 && pair.substring(0, colon).equals(USER) && matches(pair.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "AdminCredential[pbkdf2-sha256]";
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
