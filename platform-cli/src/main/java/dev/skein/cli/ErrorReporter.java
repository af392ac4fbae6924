package dev.skein.cli;

import dev.skein.cli.client.IdentityResolver;
import dev.skein.core.repo.RepoVerificationException;
import dev.skein.xrpc.client.ServiceUnreachable;
import dev.skein.xrpc.client.XrpcError;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on standard error and an exit code: {@code error: <Name>: <message>}
 * for a service's XRPC error, which URL did not answer (and that {@code ./skein} may not be running) for a
 * connection failure. Anything unexpected keeps its stack trace, since it is a bug.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    ErrorReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        int code = report(e);
        err.flush();
        return code;
    }

    private int report(Exception e) {
        if (e instanceof XrpcError x) {
            err.println("error: " + x.name() + ": " + x.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof ServiceUnreachable u) {
            err.println("error: " + u.getMessage());
            err.println("is ./skein running? Start it in another terminal, or give the right URL.");
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof UsageError || e instanceof CommandLine.ParameterException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e instanceof IdentityResolver.IdentityException
                || e instanceof RepoVerificationException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILED;
    }
}
