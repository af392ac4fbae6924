package dev.skein.core.firehose;

/** Field checks shared by the event records; each failure names its field. */
final class EventChecks {
    /** The event-stream spec keeps sequence numbers in [1, 2^53) so JavaScript consumers read them exactly. */
    static final long MAX_SEQ = (1L << 53) - 1;

    private EventChecks() {}

    static void seq(long seq) {
        if (seq < 1 || seq > MAX_SEQ) {
            throw invalid("seq", "sequence number " + seq + " is outside [1, 2^53)");
        }
    }

    static void nonEmpty(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field);
        }
        if (value.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
    }

    static InvalidFrameException invalid(String field, String message) {
        return new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, field, message);
    }
}
