package dev.skein.pds;

import static dev.skein.pds.FirehoseClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.car.CarReader;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.pds.sync.EventLog;
import dev.skein.pds.sync.EventRetention;
import dev.skein.pds.sync.Firehose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code subscribeRepos} over a real WebSocket: replay from a cursor, live events, the handover between
 * them under concurrent writes, {@code FutureCursor}, {@code OutdatedCursor} after the retention window,
 * {@code ConsumerTooSlow} for a stalled consumer while another keeps up, and frames over 64 KiB.
 */
public abstract class FirehoseContract extends SyncContract {
    /** Live events kept for a slow consumer: small, so a stalled one is cut off soon. */
    static final int CONSUMER_BUFFER = 16;
    /** More commits than a stalled socket can hide in buffers (kernel and server, some megabytes). */
    static final int MAX_STALL_COMMITS = 3000;

    @Autowired
    private Firehose firehose;
    @Autowired
    private EventRetention retention;
    @Autowired
    private EventLog eventLog;

    @DynamicPropertySource
    static void firehoseSettings(DynamicPropertyRegistry registry) {
        registry.add("skein.pds.firehose.consumer-buffer", () -> String.valueOf(CONSUMER_BUFFER));
    }

    @Test
    void aCursorReplaysTheEventsAfterItThenGoesLive() {
        Session alice = createAccount();
        long before = lastSeq();
        List<RepoWrites.Written> commits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            commits.add(post(alice, "replayed " + i));
        }
        long cursor = before + 2;
        try (FirehoseClient c = FirehoseClient.from(port, cursor)) {
            assertThat(eventually(() -> c.frames.size() >= 3)).as("replayed").isTrue();
            RepoWrites.Written live = post(alice, "live");
            commits.add(live);
            assertThat(eventually(() -> c.lastSeq() == lastSeq())).as("the live event arrives").isTrue();
            assertThat(c.seqs()).as("every event after the cursor, once, in order").isEqualTo(storedSeqsAfter(cursor));
            List<String> revs = c.frames.stream().map(f -> ((CommitEvent) f).rev().value()).toList();
            assertThat(revs).containsExactlyElementsOf(commits.subList(2, commits.size()).stream()
                    .map(rc -> rc.rev().value()).toList());
            assertThat(c.ended()).isFalse();
        }
    }

    @Test
    void withoutACursorOnlyNewEventsComeAndEachStoredFrameIsSentAsItIs() {
        Session bob = createAccount();
        post(bob, "before");
        try (FirehoseClient c = FirehoseClient.live(port)) {
            assertThat(eventually(() -> firehose.liveConsumers() >= 1)).isTrue();
            long from = lastSeq();
            RepoWrites.Written one = post(bob, "one");
            RepoWrites.Written two = post(bob, "two");
            assertThat(eventually(() -> c.frames.size() >= 2)).isTrue();
            // A consumer without cursor starts after the last committed seq: "before" never reaches it,
            // even when the live tail publishes it only after the consumer came.
            assertThat(c.seqs()).isEqualTo(storedSeqsAfter(from));
            assertThat(((CommitEvent) c.frames.get(0)).commit()).isEqualTo(one.commit());
            assertThat(((CommitEvent) c.frames.get(1)).commit()).isEqualTo(two.commit());
            byte[] stored = pdsJdbcClient.sql("SELECT event FROM repo_seq WHERE seq = ?").param(from + 1)
                    .query(byte[].class).single();
            assertThat(c.rawFrames.get(0)).as("the stored frame, byte for byte").isEqualTo(stored);
        }
    }

    @Test
    void concurrentWritesDuringTheHandoverReachEveryConsumerExactlyOnceInOrder() throws Exception {
        List<Session> accounts = List.of(createAccount(), createAccount(), createAccount(), createAccount());
        for (Session s : accounts) {
            post(s, "warm-up");
        }
        long start = lastSeq();
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        List<Future<?>> writers = new ArrayList<>();
        for (Session s : accounts) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    post(s, "concurrent " + i);
                }
            }));
        }
        List<FirehoseClient> consumers = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                long cursor = i % 2 == 0 ? start : lastSeq();
                cursors.add(cursor);
                consumers.add(FirehoseClient.from(port, cursor));
                Thread.sleep(15);
            }
            for (Future<?> w : writers) {
                w.get();
            }
            long last = lastSeq();
            for (int i = 0; i < consumers.size(); i++) {
                FirehoseClient c = consumers.get(i);
                assertThat(eventually(() -> c.lastSeq() >= last)).as("consumer %s caught up", i).isTrue();
                assertThat(c.seqs()).as("consumer %s from cursor %s", i, cursors.get(i))
                        .isEqualTo(storedSeqsAfter(cursors.get(i)));
            }
        } finally {
            pool.shutdownNow();
            consumers.forEach(FirehoseClient::close);
        }
    }

    @Test
    void aCursorPastTheLastSeqGetsFutureCursorAndTheEnd() {
        createAccount();
        try (FirehoseClient c = FirehoseClient.from(port, lastSeq() + 1000)) {
            assertThat(eventually(c::ended)).isTrue();
            assertThat(c.frames).hasSize(1);
            assertThat(c.frames.getFirst()).isInstanceOfSatisfying(ErrorFrame.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorFrame.FUTURE_CURSOR));
        }
    }

    @Test
    void aCursorOlderThanTheWindowGetsOutdatedCursorThenWhatIsKept() {
        Session before = createAccount();
        post(before, "old");
        long oldCursor = lastSeq() - 1;
        clock.advance(Duration.ofHours(73));
        JsonNode again = login(before.handle(), PASSWORD);
        Session carol = new Session(before.did(), before.handle(), before.email(), again.path("accessJwt").asString(),
                again.path("refreshJwt").asString());
        RepoWrites.Written recent = post(carol, "recent");
        long windowStart = lastSeq() - 1;

        try (FirehoseClient c = FirehoseClient.from(port, oldCursor)) {
            assertThat(eventually(() -> c.lastSeq() == lastSeq())).as("events older than the window are skipped before pruning too").isTrue();
            assertThat(c.frames.getFirst()).isInstanceOfSatisfying(InfoEvent.class,
                    i -> assertThat(i.name()).isEqualTo(InfoEvent.OUTDATED_CURSOR));
            assertThat(c.seqs()).containsExactly(windowStart + 1);
        }

        assertThat(retention.runOnce()).as("events pruned").isPositive();
        assertThat(storedSeqsAfter(0)).allMatch(s -> s > windowStart);
        assertThat(eventLog.prunedThrough()).isEqualTo(windowStart);
        try (FirehoseClient c = FirehoseClient.from(port, oldCursor)) {
            assertThat(eventually(() -> c.lastSeq() == lastSeq())).isTrue();
            assertThat(c.frames.getFirst()).isInstanceOf(InfoEvent.class);
            assertThat(((CommitEvent) c.frames.get(1)).commit()).isEqualTo(recent.commit());
            RepoWrites.Written live = post(carol, "live after outdated");
            assertThat(eventually(() -> c.frames.size() == 3)).as("then live").isTrue();
            assertThat(((CommitEvent) c.frames.get(2)).commit()).isEqualTo(live.commit());
        }
        try (FirehoseClient c = FirehoseClient.from(port, 0)) {
            assertThat(eventually(() -> c.lastSeq() == lastSeq())).isTrue();
            assertThat(c.frames).as("cursor 0 is the whole window, without a notice").noneMatch(f -> f instanceof InfoEvent);
            assertThat(c.seqs()).isEqualTo(storedSeqsAfter(0));
        }
    }

    @Test
    void aStalledConsumerIsCutOffWithConsumerTooSlowWhileAnotherGetsEverything() throws Exception {
        Session dave = createAccount();
        int listening = firehose.liveConsumers();
        long cutOff = firehose.consumersCutOff();
        try (StalledConsumer stalled = new StalledConsumer(port); FirehoseClient fast = FirehoseClient.live(port)) {
            assertThat(eventually(() -> firehose.liveConsumers() == listening + 2)).as("both listening").isTrue();
            long from = lastSeq();
            // The stalled socket first fills the kernel's buffers and the server's window of unsent frames.
            int commits = 0;
            while (firehose.consumersCutOff() == cutOff && commits < MAX_STALL_COMMITS) {
                bulk(dave, 32_000);
                commits++;
            }
            assertThat(firehose.consumersCutOff()).as("cut off after %s commits", commits).isEqualTo(cutOff + 1);
            int written = commits;
            assertThat(eventually(() -> fast.frames.size() == written)).as("the fast consumer got all " + written).isTrue();
            assertThat(fast.seqs()).isEqualTo(storedSeqsAfter(from));
            assertThat(eventually(() -> firehose.liveConsumers() == listening + 1))
                    .as("the stalled consumer let go of the live feed").isTrue();
            post(dave, "after the cut");
            assertThat(eventually(() -> fast.frames.size() == written + 1)).isTrue();

            StalledConsumer.Drained drained = stalled.drain();
            assertThat(drained.binaryFrames().size()).as("it got fewer than every event").isLessThan(written + 1);
            FirehoseFrame last = FirehoseFrame.decode(drained.binaryFrames().getLast());
            assertThat(last).isInstanceOfSatisfying(ErrorFrame.class,
                    e -> assertThat(e.error()).isEqualTo(ErrorFrame.CONSUMER_TOO_SLOW));
            List<Long> received = drained.binaryFrames().subList(0, drained.binaryFrames().size() - 1).stream()
                    .map(b -> FirehoseClient.seqOf(FirehoseFrame.decode(b)).orElseThrow()).toList();
            assertThat(received).as("what it got before, in order").isEqualTo(storedSeqsAfter(from).subList(0, received.size()));
            assertThat(drained.closeCode()).isEqualTo(1008);
            assertThat(fast.ended()).isFalse();
        }
    }

    @Test
    void framesLargerThan64KiBGoThrough() throws Exception {
        Session erin = createAccount();
        try (FirehoseClient c = FirehoseClient.live(port)) {
            assertThat(eventually(() -> firehose.liveConsumers() >= 1)).isTrue();
            RepoWrites.Written big = bulk(erin, 300_000);
            assertThat(eventually(() -> c.frames.size() == 1)).isTrue();
            assertThat(c.rawFrames.getFirst().length).isGreaterThan(300_000);
            CommitEvent e = (CommitEvent) c.frames.getFirst();
            assertThat(e.commit()).isEqualTo(big.commit());
            var blocks = CarReader.readAll(e.blocks());
            assertThat(blocks.blocks()).containsKey(big.cid());
            assertThat(c.ended()).isFalse();
        }
    }

}
