package dev.skein.core.repo;

/** A commit object that does not have the repository format v3 structure, or whose signature fails. */
public final class InvalidCommitException extends IllegalArgumentException {
    /** Why the commit was rejected. */
    public enum Reason {
        /** The block is not canonical DRISL. */
        MALFORMED,
        /** The commit is not a map, or has fields v3 does not define. */
        INVALID_STRUCTURE,
        /** A required field is absent ({@code prev} included: it must be present, even as null). */
        MISSING_FIELD,
        /** A field has the wrong data-model type. */
        WRONG_TYPE,
        /** {@code version} is not 3. */
        UNSUPPORTED_VERSION,
        /** {@code did} is not a DID. */
        INVALID_DID,
        /** {@code rev} is not a TID. */
        INVALID_REV,
        /** {@code data} or {@code prev} is not a dag-cbor sha2-256 CIDv1. */
        INVALID_LINK,
        /** {@code sig} is empty. */
        EMPTY_SIGNATURE,
        /** The signature does not verify with the given key. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public InvalidCommitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidCommitException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
