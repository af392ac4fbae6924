/**
 * The Skein relay: subscribes to many PDS hosts, verifies every event they send (identity, host, signature,
 * revision order, the Sync 1.1 MST inversion proof), re-sequences what passes into its own persisted event log,
 * and serves that log as {@code com.atproto.sync.subscribeRepos} and as a Jetstream-compatible JSON stream.
 *
 * <p>Sub-packages: {@code host} (upstream hosts), {@code identity} (DID resolution), {@code ingest} (the
 * verification pipeline), {@code store} (the persisted log, hosts and accounts), {@code upstream} (the
 * WebSocket clients), {@code stream} (what consumers subscribe to), {@code xrpc} (the sync query methods).
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>,
 * <a href="https://atproto.com/specs/event-stream">event stream</a>.
 */
package dev.skein.relay;
