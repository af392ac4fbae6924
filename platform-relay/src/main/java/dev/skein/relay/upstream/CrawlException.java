package dev.skein.relay.upstream;

/**
 * A {@code requestCrawl} the relay refuses, with the XRPC error it answers: {@code HostBanned} (banned or denied),
 * {@code HostNotFound} (the host check failed), {@code Forbidden} (not allowed to crawl it) or
 * {@code InvalidRequest} (not a hostname, or an insecure host).
 */
public final class CrawlException extends RuntimeException {
    /** Why. */
    public enum Reason {
        INVALID_REQUEST("InvalidRequest", 400),
        HOST_BANNED("HostBanned", 400),
        HOST_NOT_FOUND("HostNotFound", 400),
        FORBIDDEN("Forbidden", 403);

        private final String error;
        private final int status;

        Reason(String error, int status) {
            this.error = error;
            this.status = status;
        }

        public String error() {
            return error;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public CrawlException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
