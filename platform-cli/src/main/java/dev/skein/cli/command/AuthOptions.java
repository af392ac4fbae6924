package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.UsageError;
import dev.skein.cli.client.AuthenticatedPds;
import dev.skein.cli.client.Session;
import dev.skein.cli.client.SessionStore;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a command that writes gets its session: {@code --handle} with a password ({@code --password},
 * {@code SKEIN_PASSWORD}, or a prompt) logs in for this call only; otherwise the saved session of
 * {@code --handle}, or the current saved one ({@code skein login}), is used and kept fresh.
 */
public final class AuthOptions {
    @Option(names = "--pds", paramLabel = "URL",
            description = "The PDS (default: the saved session's, else $SKEIN_PDS_URL, else http://127.0.0.1:2583).")
    URI pds;

    @Option(names = "--handle", paramLabel = "HANDLE",
            description = "The account (handle or DID): logs in with the password, or picks its saved session.")
    String handle;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The account's password (default: $SKEIN_PASSWORD; prompted for when neither is set"
                    + " and no session is saved).")
    String password;

    /** A session for this call. */
    AuthenticatedPds authenticate(CliContext context) {
        Optional<String> givenPassword = Optional.ofNullable(password).or(() -> context.env("SKEIN_PASSWORD"));
        SessionStore store = context.sessions();
        if (handle != null && givenPassword.isPresent()) {
            return AuthenticatedPds.login(context.client(Services.pds(context, pds)), handle, givenPassword.get());
        }
        Optional<Session> saved = store.find(Optional.ofNullable(handle));
        if (saved.isPresent()) {
            Session s = saved.get();
            return new AuthenticatedPds(context.client(pds == null ? s.pds() : pds), s, Optional.of(store));
        }
        if (handle != null) {
            char[] prompted = context.passwordPrompt().get()
                    .orElseThrow(() -> new UsageError("no password for " + handle
                            + ": give --password, set SKEIN_PASSWORD, or run skein login first"));
            return AuthenticatedPds.login(context.client(Services.pds(context, pds)), handle, new String(prompted));
        }
        throw new UsageError("not logged in: give --handle and --password (or SKEIN_PASSWORD), or run skein login");
    }
}
