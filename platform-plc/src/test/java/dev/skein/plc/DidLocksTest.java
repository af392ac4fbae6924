package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Did;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DidLocksTest {
    private static final Did A = Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
    private static final Did B = Did.parse("did:plc:bbbbbbbbbbbbbbbbbbbbbbbb");

    @Test
    void writersOfOneDidNeverOverlapAndTheLockIsDroppedAfterwards() throws Exception {
        DidLocks locks = new DidLocks();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < 200; j++) {
                        locks.withLock(A, () -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.yield();
                            return inside.decrementAndGet();
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(locks.size()).isZero();
    }

    @Test
    void anotherDidIsNotHeldUpAndAFailureReleasesTheLock() {
        DidLocks locks = new DidLocks();
        String nested = locks.withLock(A, () -> locks.withLock(B, () -> "both held at once"));
        assertThat(nested).isEqualTo("both held at once");

        assertThatThrownBy(() -> locks.withLock(A, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(locks.size()).isZero();
        assertThat(locks.withLock(A, () -> 1)).isEqualTo(1);
    }
}
