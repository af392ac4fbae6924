package dev.skein.app.xrpc;

/**
 * The body of every XRPC error response. Spec: https://atproto.com/specs/xrpc#error-responses
 *
 * @param error the error's name, e.g. {@code MethodNotImplemented}
 * @param message a human-readable explanation; never internal details
 */
public record XrpcError(String error, String message) {}
