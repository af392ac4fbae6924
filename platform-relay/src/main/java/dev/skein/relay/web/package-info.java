/**
 * The relay's HTTP front on Spring WebFlux: its XRPC methods at {@code /xrpc/{nsid}} on the shared
 * {@code xrpc-server} dispatcher ({@link dev.skein.relay.web.RelayWeb#dispatcher()}), the admin credential check
 * ({@link dev.skein.relay.web.RelayAuth}), the two WebSocket endpoints ({@code subscribeRepos} and Jetstream's
 * {@code /subscribe}), and the {@code Server} header that marks this service as a relay (so that other relays do not
 * subscribe to it).
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a>, <a href="https://atproto.com/specs/event-stream">event
 * stream</a>.
 */
package dev.skein.relay.web;
