package dev.skein.core.data;

/** Bytes that are not canonical DRISL (DAG-CBOR as atproto uses it), or that exceed a decoding limit. */
public final class DrislException extends IllegalArgumentException {
    /** Why the bytes were rejected. */
    public enum Reason {
        TOO_LARGE, TOO_DEEP, TOO_MANY_ELEMENTS, KEY_TOO_LONG, FLOAT, UNSUPPORTED_TAG, INVALID_CID,
        DUPLICATE_KEY, NON_STRING_KEY, NON_CANONICAL, INTEGER_OUT_OF_RANGE, TRAILING_BYTES, TRUNCATED,
        MALFORMED, INVALID_DATA
    }

    private final Reason reason;

    public DrislException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
