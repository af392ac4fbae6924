package dev.skein.core.identity;

/**
 * A did:plc operation or operation log that is malformed, or that the rules of the method forbid.
 * {@link #reason()} says which rule, for callers (a directory answering 400, an auditor) that react to it.
 */
public final class PlcOperationException extends IllegalArgumentException {
    /** Which rule the operation broke. */
    public enum Reason {
        /** Not an operation: wrong JSON shape, a missing or mistyped field, an unknown field or type. */
        MALFORMED,
        /** Larger than the method's size limit when encoded. */
        TOO_LARGE,
        /** Valid in an old log, but breaks a constraint on newly submitted operations (key counts, lengths). */
        CONSTRAINT_VIOLATION,
        /** A rotation key that is not a supported {@code did:key}. */
        INVALID_KEY,
        /** The signature is badly encoded or not made by any key allowed to sign this operation. */
        INVALID_SIGNATURE,
        /** Signed by a rotation key, but not by one with a higher priority than the key of the op it would override. */
        INSUFFICIENT_KEY_PRIORITY,
        /** A genesis operation whose hash does not give the DID it was filed under. */
        GENESIS_DID_MISMATCH,
        /** {@code prev} does not point at an operation of this DID, or a genesis operation arrives for an existing DID. */
        MISORDERED,
        /** {@code prev} points at an operation that has been nullified. */
        PREV_NULLIFIED,
        /** {@code prev} points at a tombstone: a deactivated DID takes no further operations. */
        TOMBSTONED,
        /** Nullifies an operation more than 72 hours after it was accepted. */
        LATE_RECOVERY,
        /** Its timestamp is not later than the operation it follows (or the current head, when forking). */
        TIMESTAMP_ORDER,
        /** An audit log entry whose DID, CID or nullified flag disagrees with what its operations imply. */
        INCONSISTENT_LOG
    }

    private final Reason reason;

    public PlcOperationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
