package dev.skein.relay.ingest;

/**
 * Whether the relay's record of an account's repository (last rev and MST root) follows the chain of its
 * commits. Spec: <a href="https://atproto.com/specs/sync#record-level-synchronization">sync: record-level
 * synchronization</a>.
 */
public enum SyncState {
    /** Every commit since the last known state was seen and verified. */
    SYNCHRONIZED,
    /** The chain broke ({@code since} or {@code prevData} did not match): a resync is needed. */
    DESYNCHRONIZED,
    /** A resync from the PDS is running; the account's events wait in a queue. Never persisted. */
    RESYNCING
}
