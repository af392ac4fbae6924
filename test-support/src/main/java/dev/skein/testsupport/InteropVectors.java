package dev.skein.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The atproto interop test vectors (bluesky-social/atproto-interop-tests, CC0).
 *
 * <p>Found at {@code $ATPROTO_INTEROP_TESTS} when set, otherwise at {@code ../shared/atproto-interop-tests}
 * beside the checkout. Missing vectors always fail the test, never skip it: a protocol core that was not
 * checked against them is not checked.
 */
public final class InteropVectors {
    public static final String ENV = "ATPROTO_INTEROP_TESTS";

    private InteropVectors() {}

    public static Path root() {
        String env = System.getenv(ENV);
        Path root;
        if (env != null && !env.isBlank()) {
            root = Path.of(env);
        } else {
            String prop = System.getProperty("skein.interop.dir");
            root = prop != null && !prop.isBlank()
                    ? Path.of(prop)
                    : TestEnvironment.projectDir().resolve("../shared/atproto-interop-tests");
        }
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("syntax"))) {
            Assertions.fail("atproto interop test vectors not found at " + root
                    + ": check out bluesky-social/atproto-interop-tests and set " + ENV + " to its path");
        }
        return root;
    }

    /** A file under the vectors' root, e.g. {@code "syntax/did_syntax_valid.txt"}; fails if missing. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            Assertions.fail("interop vector file missing: " + p);
        }
        return p;
    }

    /** Reads a file as UTF-8 text. */
    public static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test lines of a {@code syntax/*.txt} file: comments ({@code #}) and blank lines removed; other
     * lines kept exactly (a line of spaces is a test case only if it has no other content, so blank-only
     * lines are dropped like the reference harnesses do).
     */
    public static List<String> lines(String relative) {
        try {
            List<String> out = Files.readAllLines(file(relative), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            if (out.isEmpty()) {
                Assertions.fail("interop vector file has no test lines: " + relative);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
