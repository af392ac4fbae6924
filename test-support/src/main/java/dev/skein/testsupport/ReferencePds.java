package dev.skein.testsupport;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * The reference TypeScript PDS ({@code @atproto/pds}) and, unless given one, the reference PLC directory
 * ({@code @did-plc/server}, in memory), run by {@code interop-node/reference-pds/launch.mjs} under Node 22 so that
 * Skein's services can be tested against the implementation they must interoperate with.
 *
 * <p>The packages are installed by {@code scripts/install-reference-pds.sh} into {@code interop-node/reference-pds};
 * when they are missing the test is skipped with instructions (a failure under CI). {@link #close()} closes the
 * launcher's standard input, on which it stops both servers.
 */
public final class ReferencePds implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(
            "\\{\"ready\":true,\"pds\":\"([^\"]+)\",\"plc\":\"([^\"]+)\",\"serviceDid\":\"([^\"]+)\"}");
    private static final long START_SECONDS = 180;

    private final Process process;
    private final CompletableFuture<String> stderr;
    private final URI pds;
    private final URI plc;
    private final String serviceDid;

    private ReferencePds(Process process, CompletableFuture<String> stderr, Matcher ready) {
        this.process = process;
        this.stderr = stderr;
        this.pds = URI.create(ready.group(1));
        this.plc = URI.create(ready.group(2));
        this.serviceDid = ready.group(3);
    }

    /** The folder of the reference PDS's packages and launcher. */
    public static Path dir() {
        return NodeInterop.dir().resolve("reference-pds");
    }

    /**
     * Starts the reference PDS with its data in {@code data}, using the PLC directory at {@code plcUrl}, or a
     * reference PLC directory of its own when that is {@code null}. Waits until both answer.
     */
    public static ReferencePds start(Path data, URI plcUrl) {
        Path node = NodeInterop.node();
        if (!Files.isDirectory(dir().resolve("node_modules/@atproto/pds"))
                || !Files.isDirectory(dir().resolve("node_modules/@did-plc/server"))) {
            TestEnvironment.skipOrFail("the reference PDS is not installed in " + dir() + ": run scripts/install-reference-pds.sh");
        }
        List<String> cmd = new ArrayList<>(List.of(node.toString(), dir().resolve("launch.mjs").toString(),
                "--data", data.toAbsolutePath().toString()));
        if (plcUrl != null) {
            cmd.addAll(List.of("--plc-url", plcUrl.toString()));
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Own threads, not the common pool: with one core's worth of pool the stderr drain, which runs until the
        // launcher exits, would starve the read of the ready line.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try (var in = p.getErrorStream()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }, ReferencePds::daemon);
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ReferencePds::daemon);
        String ready;
        try {
            ready = line.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
            throw new AssertionError("the reference PDS did not start in " + START_SECONDS + " s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
        Matcher m = ready == null ? null : READY.matcher(ready);
        if (m == null || !m.matches()) {
            p.destroyForcibly();
            return Assertions.fail("the reference PDS did not start; its launcher printed " + ready + "\nstderr:\n"
                    + err.join());
        }
        return new ReferencePds(p, err, m);
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "reference-pds-io");
        t.setDaemon(true);
        t.start();
    }

    /** The PDS's public URL, {@code http://localhost:<port>}: the endpoint it writes into DID documents. */
    public URI pds() {
        return pds;
    }

    /** The PLC directory the PDS registers its accounts at. */
    public URI plc() {
        return plc;
    }

    /** The PDS's service DID ({@code did:web:localhost}). */
    public String serviceDid() {
        return serviceDid;
    }

    /** The relay host name of the PDS: {@code localhost:<port>}. */
    public String hostname() {
        return pds.getHost() + ":" + pds.getPort();
    }

    /** Stops the servers (closing the launcher's standard input) and waits for the launcher to exit. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the reference PDS launcher did not stop in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("the reference PDS launcher exited " + process.exitValue() + ":\n" + stderr.join());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
