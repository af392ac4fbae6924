package dev.skein.core.firehose;

/**
 * A firehose frame that is malformed (invalid framing or DRISL, which must drop the connection) or whose
 * payload does not match the {@code subscribeRepos} lexicon.
 */
public final class InvalidFrameException extends IllegalArgumentException {
    /** Why the frame was rejected. */
    public enum Reason {
        /** The frame is longer than {@link FirehoseFrame#MAX_FRAME_BYTES}. */
        TOO_LARGE,
        /** The header or payload is not canonical DRISL, or the frame ends early. */
        MALFORMED,
        /** Bytes follow the payload. */
        TRAILING_BYTES,
        /** The header is not a map with an integer {@code op} (and a string {@code t} for messages). */
        INVALID_HEADER,
        /** The payload is not a map. */
        INVALID_BODY,
        /** A required payload field is absent. */
        MISSING_FIELD,
        /** A payload field has the wrong data-model type. */
        WRONG_TYPE,
        /** A payload field has the right type but a value the lexicon or spec forbids. */
        INVALID_FIELD
    }

    private final Reason reason;
    private final String field;
    private final String detail;

    public InvalidFrameException(Reason reason, String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.reason = reason;
        this.field = field;
        this.detail = message;
    }

    public InvalidFrameException(Reason reason, String field, String message, Throwable cause) {
        this(reason, field, message);
        initCause(cause);
    }

    /** The same error for a field nested in {@code parent} (e.g. {@code cid} inside {@code ops[3]}). */
    public InvalidFrameException within(String parent) {
        return new InvalidFrameException(reason, field == null ? parent : parent + "." + field, detail, this);
    }

    public Reason reason() {
        return reason;
    }

    /** The payload field at fault (e.g. {@code ops[3].cid}), or {@code null} for framing errors. */
    public String field() {
        return field;
    }
}
