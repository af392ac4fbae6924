package dev.skein.cli;

/** The options given do not make a complete call (no password, no session, nothing to write). */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
