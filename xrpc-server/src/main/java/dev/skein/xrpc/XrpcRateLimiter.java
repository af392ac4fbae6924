package dev.skein.xrpc;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Counts calls against the service's rate limits, after authentication and input checks and before the
 * handler. A status that is {@link RateLimitStatus#exceeded() exceeded} makes the dispatcher answer 429
 * {@code RateLimitExceeded} with {@code Retry-After}; any status is reported in {@code RateLimit-*}
 * headers.
 */
@FunctionalInterface
public interface XrpcRateLimiter {

    /** Limits nothing and reports nothing. */
    XrpcRateLimiter UNLIMITED = (method, request) -> Mono.just(Optional.empty());

    /** Counts this call; empty when no limit applies to it. */
    Mono<Optional<RateLimitStatus>> consume(XrpcMethod method, XrpcRequest request);
}
