package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a command line: {@code java -jar skein.jar <command>} runs the command and exits, with no
 * Spring context (no log lines, no data folder), and its exit code is the command's.
 */
class SkeinCliJarIT {
    /** What one run printed and returned. */
    record Run(int code, String out, String err) {}

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("skein.jar", "target/skein.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command exits").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aCommandRunsWithoutStartingTheServer(@TempDir Path workDir) throws Exception {
        Run version = run(workDir, "version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("skein \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(version.err()).isEmpty();
        assertThat(workDir.resolve("data")).doesNotExist();

        Run help = run(workDir, "help", "stream");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: skein stream").contains("Exit codes:");
    }

    @Test
    void theExitCodeIsTheCommands(@TempDir Path workDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run down = run(workDir, "account", "list", "--pds", "http://127.0.0.1:" + port);
        assertThat(down.code()).isEqualTo(3);
        assertThat(down.err()).startsWith("error: cannot reach http://127.0.0.1:" + port + " (connection refused)");

        Run usage = run(workDir, "record", "get");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Missing required options: '--collection=NSID', '--rkey=KEY'");
    }
}
