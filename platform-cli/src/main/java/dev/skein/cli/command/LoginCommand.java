package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.client.AuthenticatedPds;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skein login}: a session saved for the commands that follow (tokens in the session file, never printed). */
@Command(name = "login", description = "Logs in and saves the session, which record and message commands then use.")
public final class LoginCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--pds", paramLabel = "URL", description = "The PDS (default: $SKEIN_PDS_URL, else http://127.0.0.1:2583).")
    URI pds;

    @Option(names = "--handle", required = true, paramLabel = "HANDLE", description = "The account's handle, DID or email.")
    String handle;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The password (default: $SKEIN_PASSWORD, else prompted for).")
    String password;

    public LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AuthenticatedPds pdsSession = AuthenticatedPds.login(context.client(Services.pds(context, pds)), handle,
                Passwords.resolve(context, password, "SKEIN_PASSWORD", handle));
        context.sessions().save(pdsSession.session());
        context.out().println("logged in as " + pdsSession.session().handle() + " (" + pdsSession.session().did().value()
                + ") at " + pdsSession.session().pds());
        context.err().println("session saved to " + context.sessions().file());
        return 0;
    }
}
