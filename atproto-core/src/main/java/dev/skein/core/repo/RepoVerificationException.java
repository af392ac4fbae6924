package dev.skein.core.repo;

/** A repository export that does not verify. */
public final class RepoVerificationException extends RuntimeException {
    public RepoVerificationException(String message) {
        super(message);
    }

    public RepoVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
