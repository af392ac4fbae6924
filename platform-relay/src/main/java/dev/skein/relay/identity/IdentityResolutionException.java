package dev.skein.relay.identity;

import dev.skein.core.syntax.Did;

/** A DID that did not resolve to a usable document. */
public final class IdentityResolutionException extends RuntimeException {
    /** Why. */
    public enum Reason {
        /** The directory or host has no document for it. */
        NOT_FOUND,
        /** The DID was deactivated for good ({@code did:plc} tombstone, HTTP 410). */
        TOMBSTONED,
        /** The directory or host could not be reached, timed out, or answered with a server error. */
        UNREACHABLE,
        /** The answer was not a valid DID document for this DID. */
        INVALID_DOCUMENT,
        /** The DID method is not one atproto supports ({@code plc}, {@code web}). */
        UNSUPPORTED_METHOD
    }

    private final Did did;
    private final Reason reason;

    public IdentityResolutionException(Did did, Reason reason, String message) {
        super(did + ": " + message);
        this.did = did;
        this.reason = reason;
    }

    public IdentityResolutionException(Did did, Reason reason, String message, Throwable cause) {
        this(did, reason, message);
        initCause(cause);
    }

    public Did did() {
        return did;
    }

    public Reason reason() {
        return reason;
    }
}
