package dev.skein.app.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar skein.jar} as a separate process, as an operator starts one role of a cluster: its output
 * kept, the URL it prints for its role awaited, stopped with SIGTERM.
 */
final class SkeinProcess implements AutoCloseable {
    private static final long START_LIMIT_SECONDS = 300;

    private final String name;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private SkeinProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Starts the jar in {@code workDir} with {@code env} added to this JVM's environment. */
    static SkeinProcess start(String name, Path workDir, Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("skein.jar", "target/skein.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new SkeinProcess(name, pb.start());
    }

    /** The base URL of {@code role} from its start-up line ({@code Skein <role>: http://...}), once printed. */
    URI awaitUrl(String role) {
        Pattern line = Pattern.compile("Skein " + role + ": (http://[^/\\s]+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String l : output) {
                Matcher m = line.matcher(l);
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(name + " did not print its " + role + " URL; output:\n" + String.join("\n", output));
    }

    List<String> output() {
        return output;
    }

    /** SIGTERM, then up to a minute for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
        }
    }
}
