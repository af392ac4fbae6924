package dev.skein.relay.web;

/** An XRPC error response: HTTP status, error name (as the lexicon declares it) and message. */
public final class XrpcError extends RuntimeException {
    private final int status;
    private final String error;

    public XrpcError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static XrpcError invalidRequest(String message) {
        return new XrpcError(400, "InvalidRequest", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
