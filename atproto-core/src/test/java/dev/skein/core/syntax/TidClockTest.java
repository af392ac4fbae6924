package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class TidClockTest {

    @Test
    void followsTheClockWhenItMovesForward() {
        AtomicLong now = new AtomicLong(1_700_000_000_000_000L);
        TidClock clock = new TidClock(5, Optional.empty(), now::get);
        assertThat(clock.next()).isEqualTo(Tid.of(1_700_000_000_000_000L, 5));
        now.addAndGet(250);
        assertThat(clock.next()).isEqualTo(Tid.of(1_700_000_000_000_250L, 5));
    }

    @Test
    void stepsOneMicrosecondWithinTheSameMicrosecond() {
        TidClock clock = new TidClock(7, Optional.empty(), () -> 1_000_000L);
        Tid previous = clock.next();
        for (int i = 1; i <= 1000; i++) {
            Tid tid = clock.next();
            assertThat(tid).isGreaterThan(previous);
            assertThat(tid.micros()).isEqualTo(1_000_000L + i);
            assertThat(tid.clockId()).isEqualTo(7);
            previous = tid;
        }
    }

    @Test
    void neverGoesBackWhenTheWallClockDoes() {
        long[] readings = {5_000_000, 4_000_000, 4_999_999, 3_000_000, 5_000_000, 5_000_001, 9_000_000, 8_000_000};
        int[] index = {0};
        TidClock clock = new TidClock(1, Optional.empty(), () -> readings[index[0]++]);
        List<Tid> issued = new ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            issued.add(clock.next());
        }
        assertThat(issued).isSortedAccordingTo(Tid::compareTo).doesNotHaveDuplicates();
        assertThat(issued.get(0).micros()).isEqualTo(5_000_000);
        assertThat(issued.get(1).micros()).isEqualTo(5_000_001);
        assertThat(issued.get(4).micros()).isEqualTo(5_000_004);
        // once the clock is ahead again it is followed exactly
        assertThat(issued.get(6).micros()).isEqualTo(9_000_000);
        assertThat(issued.get(7).micros()).isEqualTo(9_000_001);
    }

    @Test
    void staysAboveTheLastTidIssuedBeforeARestart() {
        Tid last = Tid.of(2_000_000_000_000_000L, 900);
        TidClock restarted = new TidClock(3, Optional.of(last), () -> 1_000_000_000_000_000L);
        Tid next = restarted.next();
        assertThat(next).isGreaterThan(last);
        assertThat(next.clockId()).isEqualTo(3);
        // same microsecond, lower clock id than the last one: must still move past it
        TidClock sameMicro = new TidClock(0, Optional.of(last), () -> last.micros());
        assertThat(sameMicro.next()).isGreaterThan(last);
    }

    @Test
    void nextAfterExceedsBothThePreviousRevisionAndEverythingIssued() {
        AtomicLong now = new AtomicLong(1_000_000L);
        TidClock clock = new TidClock(2, Optional.empty(), now::get);
        Tid first = clock.next();
        Tid foreignRev = Tid.of(5_000_000L, 1000);
        Tid rev = clock.nextAfter(foreignRev);
        assertThat(rev).isGreaterThan(foreignRev).isGreaterThan(first);
        assertThat(clock.next()).isGreaterThan(rev);
        Tid older = Tid.of(10L, 0);
        Tid after = clock.nextAfter(older);
        assertThat(after).isGreaterThan(rev);
        now.set(9_000_000L);
        assertThat(clock.nextAfter(older).micros()).isEqualTo(9_000_000L);
    }

    @Test
    void manyThreadsNeverSeeADuplicateOrARegression() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        AtomicLong ticks = new AtomicLong();
        // a coarse clock that also jumps back now and then, to force contention on the same microsecond
        LongSupplier coarse = () -> {
            long t = ticks.incrementAndGet();
            return 1_000_000_000L + (t / 64) * 10 - (t % 97 == 0 ? 5_000 : 0);
        };
        TidClock clock = new TidClock(11, Optional.empty(), coarse);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<List<Tid>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                Callable<List<Tid>> task = () -> {
                    start.await();
                    List<Tid> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(clock.next());
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            Set<Tid> all = new HashSet<>();
            for (Future<List<Tid>> result : results) {
                List<Tid> mine = result.get();
                for (int i = 1; i < mine.size(); i++) {
                    assertThat(mine.get(i)).isGreaterThan(mine.get(i - 1));
                }
                all.addAll(mine);
            }
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).allSatisfy(tid -> assertThat(tid.clockId()).isEqualTo(11));
        }
    }

    @Test
    void readsMicrosecondsFromAJavaClock() {
        Instant instant = Instant.parse("2024-01-02T03:04:05.123456789Z");
        LongSupplier micros = TidClock.systemMicros(Clock.fixed(instant, ZoneOffset.UTC));
        assertThat(micros.getAsLong()).isEqualTo(instant.getEpochSecond() * 1_000_000L + 123_456L);
        Tid tid = new TidClock(0, Optional.empty(), micros).next();
        assertThat(Instant.EPOCH.plusNanos(tid.micros() * 1_000L)).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
    }

    @Test
    void theSystemClockIssuesCurrentTids() {
        long before = TidClock.systemMicros(Clock.systemUTC()).getAsLong();
        TidClock clock = TidClock.withRandomClockId(Optional.empty());
        Tid tid = clock.next();
        assertThat(tid.micros()).isGreaterThanOrEqualTo(before);
        assertThat(tid.clockId()).isEqualTo(clock.clockId()).isBetween(0, Tid.MAX_CLOCK_ID);
        assertThat(clock.next()).isGreaterThan(tid);
    }

    @Test
    void rejectsBadArgumentsAndExhaustion() {
        assertThatThrownBy(() -> new TidClock(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TidClock(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TidClock(0, Optional.of(Tid.parse("jzzzzzzzzzzzz"))))
                .isInstanceOf(IllegalArgumentException.class);
        TidClock atEnd = new TidClock(0, Optional.of(Tid.of(Tid.MAX_MICROS, 0)), () -> 0L);
        assertThatThrownBy(atEnd::next).isInstanceOf(IllegalStateException.class);
        TidClock clock = new TidClock(0, Optional.empty(), () -> 0L);
        assertThatThrownBy(() -> clock.nextAfter(Tid.parse("jzzzzzzzzzzzz")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
