/**
 * What consumers subscribe to: {@code com.atproto.sync.subscribeRepos} (the relay's log as binary frames) and a
 * Jetstream-compatible JSON stream ({@code /subscribe}). Both replay the log from a cursor, then go live without a
 * gap or a duplicate, and both give each consumer a bounded buffer: a consumer that falls that far behind is cut
 * off ({@code ConsumerTooSlow}) without holding up the others.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream">event stream</a>,
 * <a href="https://atproto.com/specs/sync#firehose">sync: firehose</a>; the JSON stream follows the shapes of the
 * Jetstream service (v1 {@code /subscribe}).
 */
package dev.skein.relay.stream;
