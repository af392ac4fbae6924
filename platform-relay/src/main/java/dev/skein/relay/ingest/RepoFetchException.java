package dev.skein.relay.ingest;

/** A repository export that could not be fetched. */
public final class RepoFetchException extends RuntimeException {
    private final int status;

    /** @param status the HTTP status, or 0 when there was no response */
    public RepoFetchException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RepoFetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
