/**
 * The relay's HTTP front on Spring WebFlux: a small XRPC dispatcher at {@code /xrpc/{nsid}} (until the shared
 * {@code xrpc-server} module takes over: {@link dev.skein.relay.web.XrpcMethod} is the seam), the two WebSocket
 * endpoints ({@code subscribeRepos} and Jetstream's {@code /subscribe}), the admin credential check, and the
 * {@code Server} header that marks this service as a relay (so that other relays do not subscribe to it).
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a>, <a href="https://atproto.com/specs/event-stream">event
 * stream</a>.
 */
package dev.skein.relay.web;
