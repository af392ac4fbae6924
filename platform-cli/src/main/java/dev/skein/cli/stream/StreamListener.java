package dev.skein.cli.stream;

import dev.skein.core.syntax.Did;

/** Receives what a record stream reads, in stream order, on the stream's thread. */
public interface StreamListener {
    /** A record operation that passed the filter (valid or not: see {@link StreamRecord#validation()}). */
    void onRecord(StreamRecord record);

    /**
     * A commit that failed verification (bad signature, broken proof, rev not newer than the last one seen, an
     * identity that does not resolve): its operations are not delivered.
     */
    void onRejectedCommit(long seq, Did did, String reason);

    /** An informational message or error from the service ({@code #info}, an error frame, a Jetstream notice). */
    default void onNotice(String name, String message) {}
}
