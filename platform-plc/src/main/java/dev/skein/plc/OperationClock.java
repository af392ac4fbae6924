package dev.skein.plc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Gives each accepted operation its {@code createdAt}: the current time in whole milliseconds (the
 * precision the directory serves), later than the DID's newest operation (the rules require it), and
 * never twice the same in this process, so that the export, which pages by time, does not put two
 * operations on one instant.
 */
final class OperationClock {
    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE;

    OperationClock(Clock clock) {
        this.clock = clock;
    }

    /** The time now, in the ways above; {@code newest} is the DID's newest operation, if it has one. */
    synchronized Instant next(Optional<Instant> newest) {
        long t = clock.millis();
        if (lastMillis != Long.MIN_VALUE) {
            t = Math.max(t, lastMillis + 1);
        }
        if (newest.isPresent()) {
            t = Math.max(t, newest.get().toEpochMilli() + 1);
        }
        lastMillis = t;
        return Instant.ofEpochMilli(t);
    }

    /** The current time, unadjusted. */
    Instant now() {
        return clock.instant();
    }
}
