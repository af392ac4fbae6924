package dev.skein.lexicon.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lexicon-lint} on real folders: against a second folder, against a git revision, and its exit codes. */
class LintCommandTest {
    private static final String V1 = """
            {"lexicon": 1, "id": "com.example.thing", "defs": {"main": {"type": "object",
              "properties": {"a": {"type": "string", "maxLength": 10}, "b": {"type": "integer"}}}}}
            """;
    private static final String V2 = V1.replace(", \"b\": {\"type\": \"integer\"}", "");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LintCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path folder(String name, String schema) throws IOException {
        Path file = dir.resolve(name).resolve("com.example/thing.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, schema);
        return dir.resolve(name);
    }

    @Test
    void lintsAFolderAgainstAnotherFolder() throws IOException {
        Path before = folder("before", V1);
        Path after = folder("after", V2);

        assertThat(run(before.toString()).exit()).isZero();
        Run breaking = run("--against", before.toString(), after.toString());
        assertThat(breaking.exit()).isEqualTo(1);
        assertThat(breaking.out()).contains("error com.example/thing.json#/defs/main/properties/b: [compat-removed]")
                .contains("1 error(s)");
        assertThat(run("--against", after.toString(), before.toString()).exit()).isZero();
    }

    @Test
    void lintsAgainstAGitRevision() throws Exception {
        Path repo = folder("repo", V1);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "v1");
        Files.writeString(repo.resolve("com.example/thing.json"), V2);

        Run run = run("--against", "HEAD", repo.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[compat-removed]").contains("against HEAD");
        Run missing = run("--against", "no-such-revision", repo.toString());
        assertThat(missing.exit()).isEqualTo(LintCommand.UNREADABLE);
        assertThat(missing.err()).contains("no-such-revision");
    }

    @Test
    void aMissingFolderCanNotBeRead() {
        assertThat(run(dir.resolve("absent").toString()).exit()).isEqualTo(LintCommand.UNREADABLE);
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
