package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: {@code java -jar skein.jar} in an empty folder with no
 * configuration (random ports only). It must say where each role listens, answer there (the PDS creates an
 * account, registered at the PLC role of the same process), keep its data in {@code ./data}, and stop
 * cleanly on SIGTERM; it shows a generated admin password once, which a second start on the same data accepts
 * and never shows.
 */
class SkeinJarIT {
    private static final Pattern HEALTH_LINE = Pattern.compile("Skein platform: (http://\\S+/xrpc/_health)");
    private static final Pattern PDS_LINE = Pattern.compile("Skein pds: (http://\\S+)/xrpc/com.atproto.server.describeServer");
    private static final long START_LIMIT_SECONDS = 180;

    @Test
    void startsWithNoConfigurationAnswersHealthAndStopsGracefully(@TempDir Path workDir) throws Exception {
        Path jar = Path.of(System.getProperty("skein.jar", "target/skein.jar")).toAbsolutePath();
        assertThat(jar).isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");

        Running first = Running.start(java, jar, workDir);
        Process app = first.process();
        List<String> output = first.output();
        LinkedBlockingQueue<String> lines = first.lines();
        Thread reader = first.reader();
        String did;
        try {
            String healthUrl = awaitLine(HEALTH_LINE, app, lines, output);
            String pds = awaitLine(PDS_LINE, app, lines, output);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(healthUrl)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).matches("\\{\"version\":\"[^\"]+\"}");

            HttpResponse<String> describe = http.send(HttpRequest.newBuilder(
                    URI.create(pds + "/xrpc/com.atproto.server.describeServer")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(describe.statusCode()).isEqualTo(200);
            assertThat(describe.body()).contains("\"did\":\"did:web:localhost\"").contains("\"availableUserDomains\":[\".test\"]");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(pds + "/xrpc/com.atproto.server.createAccount"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"handle\":\"alice.test\",\"email\":\"alice@mail.example.com\",\"password\":\"hunter22\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(created.body()).contains("\"did\":\"did:plc:").contains("\"accessJwt\"");
            Matcher didMatch = Pattern.compile("\"did\":\"(did:plc:[a-z2-7]+)\"").matcher(created.body());
            assertThat(didMatch.find()).isTrue();
            did = didMatch.group(1);
            assertThat(workDir.resolve("data")).isDirectory();
            Path data = workDir.resolve("data").toRealPath();
            assertThat(output).anyMatch(l -> l.contains("Skein data: " + data));
        } finally {
            // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe.
            app.toHandle().destroy();
        }
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        reader.join();
        assertThat(app.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(output).anyMatch(l -> l.contains("Graceful shutdown complete"));
        assertThat(Files.list(workDir).map(p -> p.getFileName().toString()).toList())
                .as("nothing but ./data written to the working folder").containsExactly("data");

        int shown = output.indexOf(output.stream().filter(l -> l.contains("Skein admin password")).findFirst()
                .orElseThrow(() -> new AssertionError("the first start did not print the admin password")));
        String password = output.get(shown + 1).strip();
        assertThat(password).matches("[A-Za-z0-9_-]{24}");
        assertThat(output.stream().filter(l -> l.contains(password))).as("printed once").hasSize(1);
        assertThat(Files.readString(workDir.resolve("data").resolve("admin-password.hash"))).doesNotContain(password);

        Running second = Running.start(java, jar, workDir);
        try {
            String pds = awaitLine(PDS_LINE, second.process(), second.lines(), second.output());
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(pds + "/xrpc/com.atproto.admin.getAccountInfo?did=" + did)).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).as("the password shown on the first start opens the admin methods: " + info.body()).isEqualTo(200);
        } finally {
            second.process().toHandle().destroy();
        }
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        second.reader().join();
        assertThat(second.output()).as("a second start never shows the admin password")
                .noneMatch(l -> l.contains(password) || l.contains("admin password"));
    }

    /** The jar running in {@code workDir}, its output read line by line as it comes. */
    private record Running(Process process, List<String> output, LinkedBlockingQueue<String> lines, Thread reader) {
        static Running start(String java, Path jar, Path workDir) throws IOException {
            Process app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0")
                    .directory(workDir.toFile()).redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        output.add(line);
                        lines.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new Running(app, output, lines, reader);
        }
    }

    private static String awaitLine(Pattern pattern, Process app, LinkedBlockingQueue<String> lines, List<String> output)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            } else if (!app.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the jar did not print " + pattern + "; output:\n" + String.join("\n", output));
    }
}
