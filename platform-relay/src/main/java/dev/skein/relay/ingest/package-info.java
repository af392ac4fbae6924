/**
 * The relay's verification pipeline, without I/O of its own: {@link dev.skein.relay.ingest.IngestProcessor} takes
 * a frame from an upstream host and decides whether it passes (to be re-sequenced and served) or is dropped, and
 * why. It checks, in the order the sync spec's validation checklist gives: the frame, the upstream sequence, the
 * account's DID document (signing key, and that its PDS is the host the frame came from), the account status,
 * the revision (newer than the last, not in the future), the commit (CAR, signature, Sync 1.1 MST inversion
 * against {@code prevData}) and the chain ({@code since} and {@code prevData} against the last known commit).
 * A broken chain marks the account desynchronised; the account is then resynchronised from its PDS
 * ({@code getRepo}) and a {@code #sync} event announces the new state, while its events wait in a queue.
 *
 * <p>{@link dev.skein.relay.ingest.IngestWorkers} verifies different accounts in parallel: a host's frames are
 * decoded and sequence-checked in order on the host's thread, then handled by the shard their DID hashes to, one at
 * a time. What consumers can rely on: the events of one account are passed on in the order its PDS sent them; events
 * of different accounts (even of one host) may be passed on in another order, the order in which they were verified.
 * A host's cursor only moves past frames whose results are committed ({@link dev.skein.relay.ingest.UpstreamProgress}),
 * so a crash never skips a frame.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync#message-validation-checklist">sync: message validation
 * checklist</a>, <a href="https://atproto.com/specs/sync#reliable-repository-synchronization">reliable
 * repository synchronization</a>, <a href="https://atproto.com/specs/account">account hosting status</a>.
 */
package dev.skein.relay.ingest;
