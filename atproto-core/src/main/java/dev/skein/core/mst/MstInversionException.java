package dev.skein.core.mst;

/** A list of operations that does not match the tree it claims to have produced. */
public final class MstInversionException extends RuntimeException {
    /** What did not match. */
    public enum Reason {
        /** Two operations on the same key. */
        DUPLICATE_KEY,
        /** A created or updated key does not hold the operation's new value. */
        VALUE_MISMATCH,
        /** A deleted key is still in the tree. */
        KEY_PRESENT
    }

    private final Reason reason;
    private final MstOp op;

    public MstInversionException(Reason reason, MstOp op) {
        super("cannot invert " + op + ": " + reason);
        this.reason = reason;
        this.op = op;
    }

    public Reason reason() {
        return reason;
    }

    public MstOp op() {
        return op;
    }
}
