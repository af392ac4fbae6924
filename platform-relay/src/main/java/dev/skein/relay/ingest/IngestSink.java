package dev.skein.relay.ingest;

/**
 * Where {@link IngestProcessor} puts its results, in order: called while the account's lock is held, so that
 * results of one account arrive in the order its state changed. May block (back-pressure); must not call back
 * into the processor.
 */
@FunctionalInterface
public interface IngestSink {
    void accept(IngestResult result);
}
