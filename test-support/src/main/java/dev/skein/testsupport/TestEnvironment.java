package dev.skein.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Facts about where the tests run: the checkout, and whether a missing prerequisite may skip. */
public final class TestEnvironment {
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private TestEnvironment() {}

    /** True under CI ({@code CI=true} or {@code SKEIN_REQUIRE_ALL_TESTS=true}): skips become failures. */
    public static boolean strict() {
        return isTrue(System.getenv("CI")) || isTrue(System.getenv("SKEIN_REQUIRE_ALL_TESTS"));
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    /** The root of the Maven reactor (the checkout), found from the system property Surefire sets or by walking up. */
    public static Path projectDir() {
        String prop = System.getProperty("skein.project.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("atproto-core"))) {
                return p;
            }
        }
        return dir;
    }

    /**
     * Skips the current test with {@code reason}, or fails it under CI, where a skipped group would hide
     * that it never ran.
     */
    public static void skipOrFail(String reason) {
        if (strict()) {
            Assertions.fail(reason + " (CI=true: this test group must run, so a missing prerequisite is a failure)");
        }
        // Surefire's summary shows only a count of skipped tests: say once per test JVM why they were skipped.
        if (TOLD.add(reason)) {
            System.err.println("[skein] tests skipped: " + reason);
        }
        Assumptions.abort(reason);
    }
}
