package dev.skein.core.syntax;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Issues TIDs that strictly increase: {@link #next()} never returns a TID less than or equal to any it returned
 * before, even for calls in the same microsecond, from many threads, or while the wall clock steps backwards.
 * Every TID carries this clock's id.
 *
 * <p>The state is one {@link AtomicLong}: the microsecond timestamp of the last TID issued. A new TID takes
 * {@code max(now, last + 1)}, so under a burst or a backwards clock the timestamps run slightly ahead of the
 * wall clock and fall back in line once it catches up. Because the timestamp always moves past {@code last},
 * the result is greater than the last TID whatever clock id that one had, which is what makes
 * {@link #TidClock(int, Optional)} safe across restarts and {@link #nextAfter(Tid)} safe for repository
 * revisions written by another clock.
 *
 * <p>Spec: https://atproto.com/specs/tid ("monotonically increasing and never repeats").
 */
public final class TidClock {
    private final int clockId;
    private final LongSupplier nowMicros;
    private final AtomicLong lastMicros;

    /** A clock with the given id (0..1023) reading the system clock, with no history. */
    public TidClock(int clockId) {
        this(clockId, Optional.empty());
    }

    /**
     * A clock with the given id reading the system clock, that will only issue TIDs greater than {@code last}
     * (the last TID issued before a restart, if known).
     */
    public TidClock(int clockId, Optional<Tid> last) {
        this(clockId, last, systemMicros(Clock.systemUTC()));
    }

    /** As {@link #TidClock(int, Optional)}, reading microseconds since the epoch from {@code nowMicros}. */
    public TidClock(int clockId, Optional<Tid> last, LongSupplier nowMicros) {
        if (clockId < 0 || clockId > Tid.MAX_CLOCK_ID) {
            throw new IllegalArgumentException("TID clock id out of range (0.." + Tid.MAX_CLOCK_ID + "): " + clockId);
        }
        this.clockId = clockId;
        this.nowMicros = Objects.requireNonNull(nowMicros, "nowMicros");
        this.lastMicros = new AtomicLong(Objects.requireNonNull(last, "last").map(TidClock::microsOf).orElse(-1L));
    }

    /** A clock with a random id, as the spec recommends to keep concurrent generators apart. */
    public static TidClock withRandomClockId(Optional<Tid> last) {
        return new TidClock(new SecureRandom().nextInt(Tid.MAX_CLOCK_ID + 1), last);
    }

    /** Microseconds since the epoch from a {@link Clock}. */
    public static LongSupplier systemMicros(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return () -> {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        };
    }

    public int clockId() {
        return clockId;
    }

    /** The next TID: the current time, or just after the last one issued if the clock has not moved past it. */
    public Tid next() {
        return Tid.of(advance(Long.MIN_VALUE), clockId);
    }

    /**
     * A TID greater than {@code prev} and than every TID this clock issued before; for a repository
     * {@code rev}, which must exceed the previous revision even if another clock or host wrote it.
     */
    public Tid nextAfter(Tid prev) {
        return Tid.of(advance(microsOf(prev)), clockId);
    }

    private long advance(long floorMicros) {
        long now = nowMicros.getAsLong();
        while (true) {
            long last = lastMicros.get();
            long next = Math.max(now, Math.max(last, floorMicros) + 1);
            if (next > Tid.MAX_MICROS) {
                throw new IllegalStateException("TID timestamp space exhausted after " + Math.max(last, floorMicros));
            }
            if (lastMicros.compareAndSet(last, next)) {
                return next;
            }
        }
    }

    private static long microsOf(Tid tid) {
        if (tid.asLong() < 0) {
            throw new IllegalArgumentException("no TID can follow " + tid + ": its top bit is set");
        }
        return tid.micros();
    }
}
