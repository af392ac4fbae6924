package dev.skein.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.xrpc.client.XrpcClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line without services: parsing, help, exit codes, and what it says when a service is not there. */
class SkeinCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("SKEIN_SESSION_FILE", dir.resolve("sessions.json").toString()),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true),
                Optional::empty, XrpcClient.defaultHttp());
        return new Run(SkeinCli.run(context, args), out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpWithTheExitCodes() {
        CommandLine tree = SkeinCli.commandLine(new CliContext(Map.of(), System.in, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Optional::empty, XrpcClient.defaultHttp()));
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(tree, List.of(), paths);
        assertThat(paths).contains(List.of("account", "create"), List.of("account", "list"), List.of("login"),
                List.of("record", "create"), List.of("record", "put"), List.of("record", "get"), List.of("record", "list"),
                List.of("record", "delete"), List.of("message", "send"), List.of("stream", "tail"),
                List.of("repo", "export"), List.of("lexicon", "lint"), List.of("version"));
        for (List<String> path : paths) {
            String[] args = java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Run help = run(args);
            assertThat(help.code()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).contains("Usage: skein " + String.join(" ", path)).contains("Exit codes:");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> p = new java.util.ArrayList<>(path);
            p.add(name);
            into.add(p);
            collect(sub, p, into);
        });
    }

    @Test
    void aBadCommandLineIsExitCodeTwo() {
        Run unknown = run("account", "create", "--handle", "alice.test", "--emial", "a@example.com");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown options: '--emial', 'a@example.com'");
        assertThat(run("record", "get", "--repo", "alice.test").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("stream", "tail", "--limit", "many").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void writingWithoutASessionSaysHowToGetOne() {
        Run r = run("record", "create", "--collection", "agent.memory.note", "--json", "{}");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("error: not logged in: give --handle and --password (or SKEIN_PASSWORD), or run skein login\n");
    }

    @Test
    void aRecordThatIsNotJsonIsRefusedBeforeAnyCall() {
        Run r = run("record", "create", "--collection", "agent.memory.note", "--json", "{\"a\":1.5}");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("error: the record is not a JSON object of the atproto data model: ");
    }

    @Test
    void aServiceThatDoesNotAnswerNamesItsUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Run r = run("login", "--pds", url, "--handle", "alice.test", "--password", "x");
        assertThat(r.code()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).isEqualTo("error: cannot reach " + url + " (connection refused)\n"
                + "is ./skein running? Start it in another terminal, or give the right URL.\n");
        Run tail = run("stream", "tail", "--relay", url, "--timeout", "5");
        assertThat(tail.code()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(tail.err()).startsWith("error: cannot reach ws://127.0.0.1:" + port + " (");
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        Run v = run("version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).matches("skein \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(run("--version").out()).isEqualTo(v.out());
    }

    @Test
    void lexiconLintChecksTheRepositorysLexicons() {
        Path lexicons = Path.of(System.getProperty("skein.project.dir", "..")).resolve("lexicons");
        Run lint = run("lexicon", "lint", lexicons.toString());
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("lexicon lint: 0 error(s)");
        Run missing = run("lexicon", "lint", dir.resolve("nothing").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void theDispatcherKnowsItsCommands() {
        assertThat(SkeinCli.isCommand(new String[] {"account", "list"})).isTrue();
        assertThat(SkeinCli.isCommand(new String[] {"help"})).isTrue();
        assertThat(SkeinCli.isCommand(new String[] {})).isFalse();
        assertThat(SkeinCli.isCommand(new String[] {"--server.port=8080"})).isFalse();
    }
}
