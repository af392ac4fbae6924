/**
 * The PDS's rate limits, on Resilience4j rate limiters behind the XRPC dispatcher's
 * {@link dev.skein.xrpc.XrpcRateLimiter} hook: a budget per IP address for every call, and hourly and daily
 * budgets of write points per account, as the reference PDS has them. Over budget is 429
 * {@code RateLimitExceeded} with {@code RateLimit-*} and {@code Retry-After} headers.
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc">XRPC</a> (rate limits).
 */
package dev.skein.pds.ratelimit;
