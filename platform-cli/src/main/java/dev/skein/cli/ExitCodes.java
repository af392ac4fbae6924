package dev.skein.cli;

/** The command line's exit codes, listed in every command's help. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A service refused the call (an XRPC error), or what was read did not verify. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: an unknown command, a missing or bad option. */
    public static final int USAGE = 2;
    /** A service did not answer at all (nothing listening at the URL). */
    public static final int UNREACHABLE = 3;
    /** {@code stream tail} ended after reading invalid records or commits that failed verification. */
    public static final int INVALID_STREAM = 4;

    /** The help section that lists them, and the environment variables the commands read. */
    static final String[] HELP = {
            "",
            "Exit codes:",
            "  0  done",
            "  1  the service refused the call (error: <Name>: <message>),",
            "     or what was read did not verify",
            "  2  bad command line",
            "  3  a service did not answer (is ./skein running?)",
            "  4  stream tail saw invalid records or rejected commits",
            "",
            "Environment:",
            "  SKEIN_PASSWORD, SKEIN_ADMIN_PASSWORD   passwords, instead of options",
            "  SKEIN_PDS_URL, SKEIN_PLC_URL, SKEIN_RELAY_URL   the services (default: ./skein's ports)",
            "  SKEIN_SESSION_FILE   saved sessions (default ~/.config/skein/sessions.json)",
    };

    private ExitCodes() {}
}
