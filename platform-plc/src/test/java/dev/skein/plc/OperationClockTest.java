package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationClockTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00.123456789Z");

    @Test
    void timesAreWholeMillisecondsAndNeverRepeat() {
        MutableClock clock = new MutableClock(T);
        OperationClock ops = new OperationClock(clock);

        assertThat(ops.next(Optional.empty())).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
        assertThat(ops.next(Optional.empty())).isEqualTo(Instant.parse("2026-03-01T12:00:00.124Z"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(ops.next(Optional.empty())).isEqualTo(Instant.parse("2026-03-01T12:00:01.123Z"));
    }

    @Test
    void aTimeIsLaterThanTheDidsNewestOperationEvenWhenTheClockIsBehind() {
        OperationClock ops = new OperationClock(new MutableClock(T));
        Instant newest = T.plus(Duration.ofMinutes(5));

        assertThat(ops.next(Optional.of(newest))).isEqualTo(Instant.ofEpochMilli(newest.toEpochMilli() + 1));
        assertThat(ops.next(Optional.empty())).isEqualTo(Instant.ofEpochMilli(newest.toEpochMilli() + 2));
    }
}
