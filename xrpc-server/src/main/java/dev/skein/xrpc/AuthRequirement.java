package dev.skein.xrpc;

/**
 * The credentials an XRPC method needs. The {@link XrpcAuth} of the service decides what each means in
 * detail; these are the kinds atproto services use.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#authentication">XRPC: authentication</a>.
 */
public enum AuthRequirement {
    /** No credentials: an {@code Authorization} header is ignored. */
    NONE,
    /** Admin credentials when an {@code Authorization} header is sent, anonymous otherwise. */
    OPTIONAL_ADMIN,
    /** An access token of any scope, app passwords included. */
    ACCESS,
    /** An access token from the account password or a privileged app password. */
    ACCESS_PRIVILEGED,
    /** An access token from the account password (not an app password). */
    ACCESS_FULL,
    /** A refresh token, unexpired and not revoked. */
    REFRESH,
    /** A refresh token that may have expired (ending a session needs no live token). */
    REFRESH_ALLOW_EXPIRED,
    /** The service administrator ({@code Basic admin:<password>}). */
    ADMIN,
    /** An inter-service JWT signed by the calling account's key, for this service and this method. */
    SERVICE
}
