package dev.skein.cli;

import dev.skein.cli.client.SessionStore;
import dev.skein.xrpc.client.XrpcClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the commands get from the process, passed in so that tests can run the whole command line in one JVM:
 * the environment, standard input and output, a password prompt, and the HTTP client every call goes through.
 */
public record CliContext(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
                         Supplier<Optional<char[]>> passwordPrompt, HttpClient http) {
    /** The real process: {@link System#getenv()}, the standard streams and the console for passwords. */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.in, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), CliContext::consolePassword, XrpcClient.defaultHttp());
    }

    private static Optional<char[]> consolePassword() {
        java.io.Console console = System.console();
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("Password: "));
    }

    /** An environment variable, when set and not blank. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    public SessionStore sessions() {
        return SessionStore.forUser(env);
    }

    public XrpcClient client(URI url) {
        return new XrpcClient(url, http);
    }
}
