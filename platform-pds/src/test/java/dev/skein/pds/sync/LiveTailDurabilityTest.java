package dev.skein.pds.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Events committed to the log but not yet durable (on H2, before the next shared flush) reach no consumer,
 * live or replaying: a crash could take them back, and their seqs would then be handed out again. The flush
 * here is the test's: the actions waiting for it run when the test says so.
 */
class LiveTailDurabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TestEventLog events;
    private EventLog log;
    private LiveTail tail;
    private final List<Runnable> waitingForFlush = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        events = new TestEventLog(dir);
        log = events.log();
        tail = new LiveTail(log, waitingForFlush::add);
        tail.start();
    }

    @AfterEach
    void close() {
        tail.close();
        events.close();
    }

    /** Commits events 1 to {@code n} to the log (the frame is the seq's 8 bytes), telling the tail nothing. */
    private void commitToLog(int n) {
        for (long seq = 1; seq <= n; seq++) {
            events.commit(seq);
        }
    }

    private void flush() {
        List<Runnable> actions = List.copyOf(waitingForFlush);
        waitingForFlush.removeAll(actions);
        actions.forEach(Runnable::run);
    }

    private static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void onlyDurableEventsReachLiveAndReplayingConsumers() throws InterruptedException {
        List<Long> live = new CopyOnWriteArrayList<>();
        tail.subscribe(events -> events.forEach(e -> live.add(e.seq())));
        commitToLog(10);
        // A writer whose events 1 to 4 are durable says so; 5 to 10 are committed after that point.
        tail.committed(4);
        assertThat(eventually(() -> live.size() >= 4)).as("the durable events go out").isTrue();

        List<Long> replayed = new CopyOnWriteArrayList<>();
        Disposable replay = FirehoseOutbox.stream(log, tail, Schedulers.boundedElastic(), 100, 0, true, List.of(), () -> { })
                .subscribe(frame -> replayed.add(ByteBuffer.wrap(frame).getLong()));
        try {
            assertThat(eventually(() -> replayed.size() >= 4)).as("a replay from the start gets the durable events").isTrue();
            // The tail looks at the log every second: give it two looks, in which it must only ask for a flush.
            assertThat(eventually(() -> !waitingForFlush.isEmpty())).as("the tail waits for the flush").isTrue();
            Thread.sleep(2 * LiveTail.POLL.toMillis());
            assertThat(live).as("live, before the flush").isEqualTo(seqs(1, 4));
            assertThat(replayed).as("replayed, before the flush").isEqualTo(seqs(1, 4));

            flush();
            assertThat(eventually(() -> live.size() >= 10 && replayed.size() >= 10)).as("after the flush").isTrue();
            assertThat(live).isEqualTo(seqs(1, 10));
            assertThat(replayed).isEqualTo(seqs(1, 10));
        } finally {
            replay.dispose();
        }
    }
}
