package dev.skein.xrpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An XRPC call that failed in a way the client is told about: an HTTP status, an error name (one the
 * method's lexicon declares, or the default name for the status) and a message for humans. Extra headers
 * go with it, such as {@code WWW-Authenticate} on a 401 or {@code Retry-After} on a 429.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#error-responses">XRPC: error responses</a>.
 */
public final class XrpcException extends RuntimeException {
    /** What a 500 says, whatever went wrong: details stay in the server's log. */
    public static final String INTERNAL_MESSAGE = "Internal Server Error";

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    public XrpcException(int status, String error, String message) {
        this(status, error, message, Map.of(), null);
    }

    public XrpcException(int status, String error, String message, Map<String, String> headers, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.error = Objects.requireNonNullElse(error, defaultName(status));
        this.headers = Map.copyOf(headers);
    }

    /** 400 {@code InvalidRequest}: the request is malformed. */
    public static XrpcException invalidRequest(String message) {
        return new XrpcException(400, "InvalidRequest", message);
    }

    /** 400 with a lexicon-declared error name, as the reference PDS sends them. */
    public static XrpcException badRequest(String error, String message) {
        return new XrpcException(400, error, message);
    }

    /** 401 with a {@code WWW-Authenticate} header naming the scheme the call needs. */
    public static XrpcException unauthorized(String error, String message, String scheme) {
        return new XrpcException(401, error, message, Map.of("WWW-Authenticate", scheme), null);
    }

    public static XrpcException forbidden(String message) {
        return new XrpcException(403, "Forbidden", message);
    }

    public static XrpcException payloadTooLarge(String message) {
        return new XrpcException(413, "PayloadTooLarge", message);
    }

    public static XrpcException unsupportedMediaType(String message) {
        return new XrpcException(415, "UnsupportedMediaType", message);
    }

    public static XrpcException methodNotImplemented(String message) {
        return new XrpcException(501, "MethodNotImplemented", message);
    }

    /** A 500 for an unexpected failure; {@code cause} is logged, never sent. */
    public static XrpcException internal(Throwable cause) {
        return new XrpcException(500, "InternalServerError", INTERNAL_MESSAGE, Map.of(), cause);
    }

    /** This exception with one more response header. */
    public XrpcException withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new XrpcException(status, error, getMessage(), h, getCause());
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The default error name for an HTTP status, when no lexicon error applies ({@code @atproto/xrpc} ResponseType). */
    public static String defaultName(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "AuthenticationRequired";
            case 403 -> "Forbidden";
            case 404 -> "XRPCNotSupported";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 426 -> "UpgradeRequired";
            case 429 -> "RateLimitExceeded";
            case 501 -> "MethodNotImplemented";
            case 502 -> "UpstreamFailure";
            case 503 -> "NotEnoughResources";
            case 504 -> "UpstreamTimeout";
            default -> status < 500 ? "InvalidRequest" : "InternalServerError";
        };
    }

    @Override
    public String toString() {
        return "XrpcException[" + status + " " + error + ": " + getMessage() + "]";
    }
}
