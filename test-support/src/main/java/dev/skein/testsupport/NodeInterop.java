package dev.skein.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs the real-client scripts of {@code interop-node/} with Node 22 and the official npm packages.
 *
 * <p>Node is found at {@code $SKEIN_NODE}, else at {@code interop-node/node_modules/.bin/node} (the npm
 * package {@code node@22}, installed by {@code scripts/install-node-interop.sh}). When it or the packages
 * are missing the test is skipped with instructions, and under CI it fails.
 */
public final class NodeInterop {
    public static final String NODE_ENV = "SKEIN_NODE";
    private static final int MIN_MAJOR = 22;

    private NodeInterop() {}

    /** The {@code interop-node/} folder of the checkout. */
    public static Path dir() {
        return TestEnvironment.projectDir().resolve("interop-node");
    }

    /** The Node 22+ executable, or a skip (a failure under CI) when there is none. */
    public static Path node() {
        String env = System.getenv(NODE_ENV);
        Path node = env != null && !env.isBlank() ? Path.of(env) : dir().resolve("node_modules/.bin/node");
        if (!Files.isExecutable(node)) {
            TestEnvironment.skipOrFail("Node 22 not found at " + node
                    + ": run scripts/install-node-interop.sh (or set " + NODE_ENV + ")");
        }
        if (!Files.isDirectory(dir().resolve("node_modules/@atproto"))) {
            TestEnvironment.skipOrFail("npm packages missing in " + dir() + ": run scripts/install-node-interop.sh");
        }
        return node;
    }

    /** Result of one script run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result requireSuccess() {
            if (exitCode != 0) {
                Assertions.fail("node script exited " + exitCode + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout);
            }
            return this;
        }
    }

    /** Runs {@code interop-node/<script>} with {@code args}, feeding {@code stdin}; waits up to {@code timeoutSeconds}. */
    public static Result run(String script, byte[] stdin, long timeoutSeconds, String... args) {
        Path node = node();
        List<String> cmd = new ArrayList<>();
        cmd.add(node.toString());
        cmd.add(dir().resolve(script).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir().toFile()).start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail("node script " + script + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script and returns its standard output, failing the test on a non-zero exit. */
    public static String runOk(String script, String stdin, String... args) {
        return run(script, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), 300, args)
                .requireSuccess().stdout();
    }

    /** Checks the Node version is at least 22 (the {@code @atproto/*} packages need it). */
    public static void requireVersion() {
        String v = run("version.mjs", null, 30).requireSuccess().stdout().trim();
        int major = Integer.parseInt(v.replaceFirst("^v", "").split("\\.")[0]);
        if (major < MIN_MAJOR) {
            TestEnvironment.skipOrFail("Node " + v + " is too old: the @atproto packages need Node " + MIN_MAJOR);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
