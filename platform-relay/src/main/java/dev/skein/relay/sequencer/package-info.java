/**
 * The relay's sequencer: gives every passed event the relay's own sequence number and time, writes events,
 * account states and host cursors in one transaction per batch, and only then publishes the events to live
 * consumers. That order is what lets a consumer resume from its cursor without gaps or duplicates: whatever a
 * consumer saw is in the log, and whatever is in the log is served on replay.
 *
 * <p>To keep up with parallel verification on one thread, the sequencer writes frames passed on unchanged as the
 * upstream bytes with the seq replaced, writes an account whose only change is its last commit at a checkpoint
 * rather than with every event (after a crash the log since the checkpoint brings the rows up to date), and lets a
 * busy relay's batches grow for a few milliseconds so that each transaction's fixed cost is shared.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event stream: sequence numbers</a>.
 */
package dev.skein.relay.sequencer;
