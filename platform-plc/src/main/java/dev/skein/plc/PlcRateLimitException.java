package dev.skein.plc;

import dev.skein.core.syntax.Did;
import java.time.Duration;

/** An operation refused because its DID already had as many operations as allowed in a recent window. */
public final class PlcRateLimitException extends RuntimeException {
    private final Did did;
    private final Duration window;
    private final int limit;

    public PlcRateLimitException(Did did, Duration window, int limit) {
        super("Too many operations for " + did + " within the last " + describe(window) + " (max " + limit + ")");
        this.did = did;
        this.window = window;
        this.limit = limit;
    }

    public Did did() {
        return did;
    }

    public Duration window() {
        return window;
    }

    public int limit() {
        return limit;
    }

    private static String describe(Duration window) {
        if (window.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (window.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (window.equals(Duration.ofDays(7))) {
            return "week";
        }
        return window.toString();
    }
}
