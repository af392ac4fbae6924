package dev.skein.pds.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.xrpc.SubscriptionOverflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * One consumer's frames over a real event log and live tail, with the consumer's demand under the test's
 * control: a burst larger than the live buffer reaches a consumer that keeps reading, and only a consumer
 * that reads nothing is cut off.
 */
class FirehoseOutboxTest {
    private static final int CAPACITY = 4;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TestEventLog events;
    private EventLog log;
    private LiveTail tail;
    private final AtomicInteger cutOff = new AtomicInteger();
    private long seq;

    @BeforeEach
    void open() {
        events = new TestEventLog(dir);
        log = events.log();
        tail = new LiveTail(log);
        tail.start();
    }

    @AfterEach
    void close() {
        tail.close();
        events.close();
    }

    /** Stores {@code n} events (the frame is the seq's 8 bytes) and tells the tail. */
    private void append(int n) {
        for (int i = 0; i < n; i++) {
            events.commit(++seq);
        }
        tail.committed(seq);
    }

    private Flux<byte[]> live() {
        return FirehoseOutbox.stream(log, tail, Schedulers.boundedElastic(), CAPACITY, tail.published(), false, List.of(),
                cutOff::incrementAndGet);
    }

    private static long seqOf(byte[] frame) {
        return ByteBuffer.wrap(frame).getLong();
    }

    @Test
    void aBurstLargerThanTheBufferReachesAConsumerThatKeepsReading() {
        StepVerifier.create(live().map(FirehoseOutboxTest::seqOf))
                .then(() -> awaitListeners(1))
                .then(() -> append(50))
                .expectNextSequence(LongStream.rangeClosed(1, 50).boxed().toList())
                .then(() -> append(3))
                .expectNext(51L, 52L, 53L)
                .thenCancel()
                .verify(WAIT);
        assertThat(cutOff).hasValue(0);
    }

    @Test
    void aConsumerThatReadsNothingWhileTheBufferOverflowsIsCutOff() {
        StepVerifier.create(live().map(FirehoseOutboxTest::seqOf), 2)
                .then(() -> awaitListeners(1))
                .then(() -> append(2))
                .expectNext(1L, 2L)
                .then(() -> append(CAPACITY + 1))
                .expectError(SubscriptionOverflowException.class)
                .verify(WAIT);
        assertThat(cutOff).hasValue(1);
        assertThat(tail.listenerCount()).as("the tail is let go of").isZero();
    }

    @Test
    void aReplayIsReadOnlyAsTheConsumerAsksAndHandsOverToLive() {
        append(30);
        StepVerifier.create(FirehoseOutbox.stream(log, tail, Schedulers.boundedElastic(), CAPACITY, 10, true,
                        List.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}), cutOff::incrementAndGet).map(FirehoseOutboxTest::seqOf), 1)
                .expectNext(0L)
                .thenRequest(5)
                .expectNext(11L, 12L, 13L, 14L, 15L)
                .then(() -> assertThat(tail.listenerCount()).as("still replaying: not listening").isZero())
                .thenRequest(Long.MAX_VALUE)
                .expectNextSequence(LongStream.rangeClosed(16, 30).boxed().toList())
                .then(() -> awaitListeners(1))
                .then(() -> append(2))
                .expectNext(31L, 32L)
                .thenCancel()
                .verify(WAIT);
        assertThat(cutOff).hasValue(0);
    }

    private void awaitListeners(int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (tail.listenerCount() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(tail.listenerCount()).isEqualTo(n);
    }
}
