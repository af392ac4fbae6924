package dev.skein.relay.stream;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.IngestResult;
import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.sequencer.Sequencer;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.RelayDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Consumers of subscribeRepos in-process: the replay-to-live handover under writes, live batches handed over on the
 * sequencer's thread, and slow consumers cut off.
 */
class OutboxTest {
    static final Host HOST = Host.parse("pds.test");
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");
    static final Did DID = new Did("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");

    @TempDir
    Path dir;
    RelayDatabase db;
    EventLog log;
    LiveFeed feed;
    Sequencer sequencer;
    Scheduler scheduler = Schedulers.newBoundedElastic(8, 1000, "outbox-test");

    @BeforeEach
    void open() {
        db = RelayDatabase.open(RelayDatabase.h2FileUrl(dir.resolve("relay").toString()), "sa", "", null);
        log = new EventLog(db);
        feed = new LiveFeed();
        sequencer = new Sequencer(db, log, new JdbcAccountStore(db), new HostStore(db), feed, Clock.systemUTC(), 1000, 8,
                new SimpleMeterRegistry());
        sequencer.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        sequencer.close();
        db.close();
        scheduler.dispose();
    }

    private void write(int n) {
        for (int i = 0; i < n; i++) {
            sequencer.accept(new IngestResult.Passed(HOST, 0, new IdentityEvent(1, DID, TIME, null), null));
        }
    }

    private static long seq(byte[] frame) {
        return ((IdentityEvent) FirehoseFrame.decode(frame)).seq();
    }

    @Test
    void aConsumerReplayingWhileEventsArriveGetsEachExactlyOnce() throws Exception {
        write(300);
        assertThat(sequencer.awaitIdle(10_000)).isTrue();
        SubscribeRepos stream = new SubscribeRepos(log, feed, scheduler, 10_000);
        List<Long> seqs = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> write(700));
        var sub = stream.frames(0L).map(OutboxTest::seq).subscribe(seqs::add);
        writer.join();
        assertThat(sequencer.awaitIdle(10_000)).isTrue();
        assertThat(eventually(() -> seqs.size() >= 1000)).isTrue();
        sub.dispose();
        assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 1000).boxed().toList());
    }

    @Test
    void liveBatchesReachConsumersOnTheSequencersThreadWithoutAWakeUpEach() throws Exception {
        AtomicInteger drainsScheduled = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Scheduler counting = Schedulers.fromExecutor(task -> {
            drainsScheduled.incrementAndGet();
            executor.execute(task);
        });
        try {
            SubscribeRepos stream = new SubscribeRepos(log, feed, counting, 10_000);
            int consumers = 3;
            List<List<Long>> seqs = new java.util.ArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            for (int c = 0; c < consumers; c++) {
                List<Long> got = new CopyOnWriteArrayList<>();
                seqs.add(got);
                stream.frames(null).subscribe(f -> {
                    got.add(seq(f));
                    threads.add(Thread.currentThread().getName());
                });
            }
            assertThat(eventually(() -> feed.listenerCount() == consumers)).isTrue();
            write(1);
            assertThat(eventually(() -> seqs.stream().allMatch(g -> g.size() == 1))).isTrue();
            int before = drainsScheduled.get();
            threads.clear();
            for (int i = 0; i < 20; i++) {
                write(10);
                assertThat(sequencer.awaitIdle(10_000)).isTrue();
            }
            for (List<Long> got : seqs) {
                assertThat(eventually(() -> got.size() == 201)).isTrue();
                assertThat(got).isEqualTo(LongStream.rangeClosed(1, 201).boxed().toList());
            }
            assertThat(drainsScheduled.get()).as("drains scheduled on workers for live batches").isEqualTo(before);
            assertThat(threads).hasSize(consumers * 200).containsOnly("relay-sequencer");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aConsumerThatStopsReadingIsCutOffWithoutHoldingUpOthers() throws Exception {
        SubscribeRepos stream = new SubscribeRepos(log, feed, scheduler, 32);
        List<byte[]> slowFrames = new CopyOnWriteArrayList<>();
        boolean[] completed = {false};
        BaseSubscriber<byte[]> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            protected void hookOnNext(byte[] value) {
                slowFrames.add(value);
            }

            @Override
            protected void hookOnComplete() {
                completed[0] = true;
            }
        };
        stream.frames(null).subscribe(slow);
        List<Long> fast = new CopyOnWriteArrayList<>();
        stream.frames(null).map(OutboxTest::seq).subscribe(fast::add);
        assertThat(eventually(() -> feed.listenerCount() == 2)).isTrue();
        // The slow consumer reads one event, so it has caught up with the log and is live; then it stops reading.
        write(1);
        assertThat(eventually(() -> slowFrames.size() == 1 && fast.size() == 1)).isTrue();
        // In steps a reading consumer keeps up with however busy the machine is, while the slow one's queue fills up.
        for (int written = 1; written < 199; written += 9) {
            write(9);
            int expected = written + 9;
            assertThat(sequencer.awaitIdle(10_000)).isTrue();
            assertThat(eventually(() -> fast.size() == expected)).as(() -> "the fast consumer got " + fast.size()).isTrue();
        }
        assertThat(fast).isEqualTo(LongStream.rangeClosed(1, 199).boxed().toList());
        assertThat(eventually(() -> feed.listenerCount() == 1)).as("the slow consumer is let go").isTrue();
        slow.request(Long.MAX_VALUE);
        assertThat(eventually(() -> completed[0])).isTrue();
        assertThat(slowFrames).hasSizeLessThan(40);
        assertThat(FirehoseFrame.decode(slowFrames.getLast())).isEqualTo(
                new ErrorFrame(ErrorFrame.CONSUMER_TOO_SLOW, "Stream consumer too slow"));
    }
}
