/**
 * The PDS's event log, the source of {@code com.atproto.sync.subscribeRepos}: every {@code #commit},
 * {@code #sync}, {@code #identity} and {@code #account} event, numbered by a strictly increasing
 * {@code seq} and stored as the frame it is sent as.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream">event streams</a> and
 * <a href="https://atproto.com/specs/sync">sync</a>.
 */
package dev.skein.pds.sequencer;
