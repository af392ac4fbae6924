package dev.skein.pds.ratelimit;

import dev.skein.xrpc.RateLimitStatus;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One rate limit: {@code limit} points per fixed window, counted separately for each key (an IP address,
 * an account), with a Resilience4j {@link RateLimiter} per key. Windows start when a key is first seen and
 * run on the given clock. Keys unused for a whole window are forgotten once there are many of them, since
 * their budget is full again anyway.
 */
final class Budget {
    /** Past this many keys, idle ones are dropped. */
    static final int MAX_KEYS = 50_000;

    private record Limiter(RateLimiter limiter, long startNanos, long[] lastUsedNanos) {}

    private final String name;
    private final int limit;
    private final Duration window;
    private final Supplier<Long> nanos;
    private final RateLimiterConfig config;
    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();

    Budget(String name, int limit, Duration window, Clock clock) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.nanos = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    int limit() {
        return limit;
    }

    /** Takes {@code points} from {@code key}'s budget; the status is exceeded when there were not enough. */
    RateLimitStatus take(String key, int points) {
        long now = nanos.get();
        if (limiters.size() > MAX_KEYS) {
            long idle = window.toNanos();
            limiters.values().removeIf(l -> now - l.lastUsedNanos()[0] > idle);
        }
        Limiter l = limiters.computeIfAbsent(key, k -> new Limiter(RateLimiter.of(name + ":" + k, config, nanos), now, new long[1]));
        l.lastUsedNanos()[0] = now;
        boolean granted = points <= limit && l.limiter().acquirePermission(points);
        long remaining = granted ? l.limiter().getMetrics().getAvailablePermissions() : -1;
        long period = window.toNanos();
        long cycle = l.limiter() instanceof AtomicRateLimiter a ? a.getDetailedMetrics().getCycle()
                : (now - l.startNanos()) / period;
        long untilReset = l.startNanos() + (cycle + 1) * period - now;
        // The window runs on the budget's clock; the reset is told in real time, which is what clients wait in.
        return new RateLimitStatus(limit, remaining, Instant.now().plusNanos(Math.max(0, untilReset)), window);
    }
}
