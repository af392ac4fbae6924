package dev.skein.core.repo;

/** A batch of record writes that cannot be applied to a repository. */
public final class InvalidWriteException extends IllegalArgumentException {
    /** Why the writes were refused. */
    public enum Reason {
        /** The record's {@code $type} is missing or differs from the collection. */
        INVALID_RECORD_TYPE,
        /** A create names a path that already holds a record. */
        RECORD_EXISTS,
        /** An update or delete names a path that holds no record. */
        RECORD_NOT_FOUND,
        /** Two writes in one batch name the same path. */
        DUPLICATE_PATH,
        /** More writes than one commit may carry. */
        TOO_MANY_WRITES,
        /** The record is larger than a repository record may be. */
        RECORD_TOO_LARGE,
        /** The tree would break a structural limit (only mined record keys get there). */
        TREE_LIMIT,
        /** The commit's CAR slice would exceed the firehose limit on {@code #commit} blocks. */
        COMMIT_TOO_LARGE,
        /** The new revision is not greater than the previous one. */
        REV_NOT_INCREASING
    }

    private final Reason reason;
    private final String path;

    public InvalidWriteException(Reason reason, String path, String message) {
        super(path == null ? message : path + ": " + message);
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The repo path at fault, or {@code null} for the batch as a whole. */
    public String path() {
        return path;
    }
}
