/**
 * Serving XRPC, atproto's HTTP API convention, on Spring WebFlux: what every Skein service that answers
 * {@code /xrpc/<nsid>} shares (the PDS now, the relay later).
 *
 * <p>One {@link dev.skein.xrpc.XrpcDispatcher} routes {@code /xrpc/{nsid}} for every registered
 * {@link dev.skein.xrpc.XrpcMethod} and runs one pipeline for each call: HTTP method check, parameters
 * (decoded and validated against the lexicon when the catalog has the method), authentication
 * ({@link dev.skein.xrpc.XrpcAuth}), input (size limit, content type, JSON data model, lexicon), rate
 * limit ({@link dev.skein.xrpc.XrpcRateLimiter}), the handler, and output validation when enabled. Every
 * failure is an {@link dev.skein.xrpc.XrpcException} rendered once as {@code {"error","message"}}; a 500
 * never carries details. {@link dev.skein.xrpc.XrpcSubscription}s are served as WebSocket streams of binary
 * frames with a bounded buffer per consumer.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a> and
 * <a href="https://atproto.com/specs/event-stream">event streams</a>.
 */
package dev.skein.xrpc;
