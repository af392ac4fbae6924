package dev.skein.xrpc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a caller stands against one rate limit after a call was counted, reported in the
 * {@code RateLimit-*} headers the reference services send.
 *
 * @param limit points allowed per window
 * @param remaining points left in this window; negative once the call went over the limit
 * @param reset when the window ends
 * @param window the window's length
 */
public record RateLimitStatus(long limit, long remaining, Instant reset, Duration window) {

    public boolean exceeded() {
        return remaining < 0;
    }

    /** {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (Unix seconds) and {@code -Policy} ({@code n;w=seconds}). */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("RateLimit-Limit", Long.toString(limit));
        h.put("RateLimit-Remaining", Long.toString(Math.max(0, remaining)));
        h.put("RateLimit-Reset", Long.toString(reset.getEpochSecond()));
        h.put("RateLimit-Policy", limit + ";w=" + window.toSeconds());
        return h;
    }
}
