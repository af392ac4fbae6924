/**
 * The relay's sequencer: gives every passed event the relay's own sequence number and time, writes events,
 * account states and host cursors in one transaction per batch, and only then publishes the events to live
 * consumers. That order is what lets a consumer resume from its cursor without gaps or duplicates: whatever a
 * consumer saw is in the log, and whatever is in the log is served on replay.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event stream: sequence numbers</a>.
 */
package dev.skein.relay.sequencer;
