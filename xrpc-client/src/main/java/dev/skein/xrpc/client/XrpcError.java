package dev.skein.xrpc.client;

/**
 * A service answered a call with an XRPC error ({@code {"error","message"}} and a 4xx/5xx status). Command-line tools print
 * it as {@code error: <name>: <message>}.
 */
public final class XrpcError extends RuntimeException {
    private final int status;
    private final String name;

    public XrpcError(int status, String name, String message) {
        super(message);
        this.status = status;
        this.name = name;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error name, e.g. {@code InvalidRequest}, {@code ExpiredToken}. */
    public String name() {
        return name;
    }
}
