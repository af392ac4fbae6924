package dev.skein.pds.secrets;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The PDS's secrets: the key that signs session tokens, the key that seals account signing keys, the
 * PDS's did:plc rotation key, and the administrator's password.
 *
 * <p>Each comes from the environment when set there ({@code SKEIN_PDS_JWT_SECRET} and
 * {@code SKEIN_PDS_KEY_ENCRYPTION_KEY} as base64 of 32 bytes, {@code SKEIN_PDS_PLC_ROTATION_KEY} as hex of a
 * K-256 private key, {@code SKEIN_PDS_ADMIN_PASSWORD}), else from {@value #FILE_NAME} in the data
 * directory; what is in neither is generated on first start and written there, readable by the owner only
 * (0600). None is ever logged; {@link #toString()} shows only the rotation key's public half.
 */
public final class PdsSecrets {
    public static final String FILE_NAME = "secrets.properties";
    static final String JWT_SECRET = "jwt-secret";
    static final String KEY_ENCRYPTION_KEY = "key-encryption-key";
    static final String PLC_ROTATION_KEY = "plc-rotation-key";
    static final String ADMIN_PASSWORD = "admin-password";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] jwtSecret;
    private final byte[] keyEncryptionKey;
    private final SigningKey plcRotationKey;
    private final String adminPassword;

    PdsSecrets(byte[] jwtSecret, byte[] keyEncryptionKey, SigningKey plcRotationKey, String adminPassword) {
        this.jwtSecret = jwtSecret.clone();
        this.keyEncryptionKey = keyEncryptionKey.clone();
        this.plcRotationKey = plcRotationKey;
        this.adminPassword = adminPassword;
    }

    /** The secrets for a PDS whose data directory is {@code dataDir}, from {@code env} or the secrets file. */
    public static PdsSecrets load(Path dataDir, Map<String, String> env) {
        return load(dataDir, env, true);
    }

    /**
     * The secrets as {@link #load(Path, Map)} finds them, generating an administrator password only when
     * {@code ownAdminPassword}: a PDS that takes the platform's shared admin credential
     * ({@code skein.admin.password-hash}) keeps no password of its own, and {@link #adminPassword()} is then
     * whatever was there before, or {@code null}.
     */
    public static PdsSecrets load(Path dataDir, Map<String, String> env, boolean ownAdminPassword) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties stored = read(file);
        boolean changed = false;
        changed |= fill(stored, JWT_SECRET, () -> b64(Tokens.randomBytes(KEY_BYTES)));
        changed |= fill(stored, KEY_ENCRYPTION_KEY, () -> b64(Tokens.randomBytes(KEY_BYTES)));
        changed |= fill(stored, PLC_ROTATION_KEY, () -> HexFormat.of().formatHex(SigningKey.generate(Curve.K256).privateBytes()));
        if (ownAdminPassword) {
            changed |= fill(stored, ADMIN_PASSWORD, () -> Tokens.random(24));
        }
        if (changed) {
            write(file, stored);
        }
        try {
            byte[] jwt = key(pick(env, "SKEIN_PDS_JWT_SECRET", stored, JWT_SECRET), "jwt secret");
            byte[] kek = key(pick(env, "SKEIN_PDS_KEY_ENCRYPTION_KEY", stored, KEY_ENCRYPTION_KEY), "key encryption key");
            SigningKey rotation = SigningKey.fromPrivateBytes(Curve.K256,
                    HexFormat.of().parseHex(pick(env, "SKEIN_PDS_PLC_ROTATION_KEY", stored, PLC_ROTATION_KEY)));
            String admin = pick(env, "SKEIN_PDS_ADMIN_PASSWORD", stored, ADMIN_PASSWORD);
            return new PdsSecrets(jwt, kek, rotation, admin);
        } catch (IllegalArgumentException e) {
            // The message names the secret, never its value.
            throw new IllegalStateException("unreadable PDS secret in the environment or " + file + ": " + e.getMessage());
        }
    }

    /** The HMAC-SHA256 key of session tokens. */
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    /** The AES-256 key that seals account signing keys at rest. */
    public byte[] keyEncryptionKey() {
        return keyEncryptionKey.clone();
    }

    /** The PDS's did:plc rotation key: it signs the PLC operations of the accounts it hosts. */
    public SigningKey plcRotationKey() {
        return plcRotationKey;
    }

    /** The administrator's password ({@code Basic admin:<password>}), if this PDS has one of its own. */
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public String toString() {
        return "PdsSecrets[rotation key " + plcRotationKey.publicKey().didKey() + "]";
    }

    private static String pick(Map<String, String> env, String envName, Properties stored, String name) {
        String v = env.get(envName);
        return v != null && !v.isBlank() ? v.strip() : stored.getProperty(name);
    }

    private static byte[] key(String base64, String what) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64");
        }
        if (k.length != KEY_BYTES) {
            throw new IllegalArgumentException("the " + what + " must be " + KEY_BYTES + " bytes, not " + k.length);
        }
        return k;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean fill(Properties p, String name, Supplier<String> generate) {
        if (p.getProperty(name) == null || p.getProperty(name).isBlank()) {
            p.setProperty(name, generate.get());
            return true;
        }
        return false;
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the PDS secrets file " + file, e);
            }
        }
        return p;
    }

    /** Writes the file whole, owner-only from the first byte, replacing the old one atomically. */
    private static void write(Path file, Properties p) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Skein PDS secrets: generated on first start. Keep private; never commit.");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("another process is writing " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDS secrets file " + file, e);
        }
    }
}
