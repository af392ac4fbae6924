package dev.skein.core.repo;

/**
 * A {@code #commit} or {@code #sync} event that fails verification: its CAR, its commit, its signature, or
 * (Sync 1.1) the inversion of its operations back to {@code prevData}.
 */
public final class CommitVerificationException extends RuntimeException {
    /** Which check failed. */
    public enum Reason {
        /** {@code blocks} is not a valid CAR (or a block does not match its CID). */
        INVALID_CAR,
        /** The CAR's first root is not the event's {@code commit}. */
        COMMIT_NOT_ROOT,
        /** The CAR lacks the commit block. */
        MISSING_COMMIT_BLOCK,
        /** The commit block is not a well-formed v3 commit. */
        INVALID_COMMIT,
        /** The event's {@code repo}/{@code did} or {@code rev} differs from the signed commit's. */
        FIELD_MISMATCH,
        /** The commit signature does not verify with the account's key. */
        BAD_SIGNATURE,
        /** {@code rebase} or {@code tooBig} is set: deprecated, and refused by strict consumers. */
        DEPRECATED_FLAG,
        /** An update or delete lacks {@code prev}, or {@code prevData} is absent after the first commit. */
        MISSING_PREV,
        /** A created or updated record's block is not in the CAR. */
        MISSING_RECORD_BLOCK,
        /** The tree does not hold what an operation claims, or two operations name one path. */
        OP_MISMATCH,
        /** The CAR lacks an MST node that the inversion needed: not enough proof. */
        MISSING_PROOF_BLOCK,
        /** An MST node in the CAR is malformed. */
        INVALID_MST,
        /** The inverted tree's root is not {@code prevData}. */
        PREV_DATA_MISMATCH
    }

    private final Reason reason;

    public CommitVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CommitVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
