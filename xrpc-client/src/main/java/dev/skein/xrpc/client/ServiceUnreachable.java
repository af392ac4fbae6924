package dev.skein.xrpc.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;

/** A service could not be reached at all (connection refused, unknown host, timeout): no XRPC answer to report. */
public final class ServiceUnreachable extends RuntimeException {
    private final URI url;

    public ServiceUnreachable(URI url, Throwable cause) {
        super("cannot reach " + origin(url) + " (" + reason(cause) + ")", cause);
        this.url = url;
    }

    /** The URL that was called. */
    public URI url() {
        return url;
    }

    /** Scheme, host and port: where nothing answered. */
    static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException || root instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (cause instanceof ConnectException || root instanceof ConnectException) {
            return "connection refused";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
