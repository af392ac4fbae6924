package dev.skein.pds.lexicon;

import dev.skein.pds.secrets.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The lexicon-authority account's password: {@code SKEIN_PDS_LEXICON_AUTHORITY_PASSWORD} when set, else the
 * content of {@value #FILE_NAME} in the PDS's data directory, generated on first start and readable by the
 * owner only. It is a secret like the PDS's own: never logged, never in {@link #toString()}.
 */
final class AuthorityPassword {
    static final String FILE_NAME = "lexicon-authority-password";
    static final String ENV = "SKEIN_PDS_LEXICON_AUTHORITY_PASSWORD";

    private final String value;
    private final String source;

    private AuthorityPassword(String value, String source) {
        this.value = value;
        this.source = source;
    }

    static AuthorityPassword load(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AuthorityPassword(fromEnv.strip(), ENV);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                write(file, Tokens.random(32));
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException("the lexicon-authority password file " + file + " is empty");
            }
            return new AuthorityPassword(stored, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the lexicon-authority password file " + file, e);
        }
    }

    /** Written whole to a temporary file that is owner-only from the start, then moved into place. */
    private static void write(Path file, String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    String value() {
        return value;
    }

    /** Where the password comes from (a file or the environment variable), for error messages. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AuthorityPassword[from " + source + "]";
    }
}
