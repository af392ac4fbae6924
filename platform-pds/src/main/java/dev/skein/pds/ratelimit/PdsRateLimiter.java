package dev.skein.pds.ratelimit;

import dev.skein.pds.PdsProperties;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.RateLimitStatus;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRateLimiter;
import dev.skein.xrpc.XrpcRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The PDS's rate limits ({@code skein.pds.rate-limits}): every call draws one point from its IP address's
 * budget; record writes also draw their {@link WritePoints} from the account's hourly and daily budgets.
 * The answer reports the tightest budget in the {@code RateLimit-*} headers; a call over a budget is
 * refused with 429 {@code RateLimitExceeded} (by the dispatcher). Budgets are checked IP, hour, day; a
 * refused call keeps the points it took from the budgets checked before the one it exceeded.
 */
public final class PdsRateLimiter implements XrpcRateLimiter {
    private final boolean enabled;
    private final Budget perIp;
    private final Budget writesPerHour;
    private final Budget writesPerDay;

    public PdsRateLimiter(PdsProperties.RateLimits settings, Clock clock) {
        this.enabled = settings.enabled();
        this.perIp = new Budget("ip", settings.perIp(), settings.perIpWindow(), clock);
        this.writesPerHour = new Budget("repo-write-hour", settings.writePointsPerHour(), Duration.ofHours(1), clock);
        this.writesPerDay = new Budget("repo-write-day", settings.writePointsPerDay(), Duration.ofDays(1), clock);
    }

    @Override
    public Mono<Optional<RateLimitStatus>> consume(XrpcMethod method, XrpcRequest request) {
        if (!enabled) {
            return Mono.just(Optional.empty());
        }
        List<RateLimitStatus> statuses = new ArrayList<>(3);
        request.remoteAddress().map(a -> a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString())
                .ifPresent(ip -> statuses.add(perIp.take(ip, 1)));
        int points = WritePoints.of(request);
        if (points > 0 && request.credentials() instanceof AccessCredentials access && !exceeded(statuses)) {
            String did = access.did().value();
            statuses.add(writesPerHour.take(did, points));
            if (!exceeded(statuses)) {
                statuses.add(writesPerDay.take(did, points));
            }
        }
        return Mono.just(tightest(statuses));
    }

    private static boolean exceeded(List<RateLimitStatus> statuses) {
        return statuses.stream().anyMatch(RateLimitStatus::exceeded);
    }

    /** An exceeded budget if any, else the one with the smallest share left. */
    private static Optional<RateLimitStatus> tightest(List<RateLimitStatus> statuses) {
        return statuses.stream().min(Comparator.comparingDouble(s -> s.exceeded() ? -1.0 : (double) s.remaining() / s.limit()));
    }
}
