package dev.skein.relay.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.IngestResult;
import dev.skein.relay.ingest.IngestSink;
import dev.skein.relay.store.EventKind;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.LoggedEvent;
import dev.skein.relay.store.RelayDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes ingest results, in order, from any number of threads and writes them on one thread, in batches: each
 * batch's events (under the relay's next sequence numbers and times), the account states they changed and the
 * hosts' new cursors go in one transaction; then the events are published to the {@link LiveFeed}. A batch that
 * fails to commit is retried until it commits or the sequencer is closed: nothing that passed is dropped here.
 *
 * <p>Sequence numbers continue from the log's highest on start; times ({@code time_us}) are the wall clock in
 * microseconds, pushed forward when needed so that they only increase and every Jetstream event has its own.
 */
public final class Sequencer implements IngestSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    private static final long RETRY_MS = 500;

    private final RelayDatabase db;
    private final EventLog log;
    private final JdbcAccountStore accounts;
    private final HostStore hosts;
    private final LiveFeed feed;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<IngestResult> queue;
    private final Counter sequenced;
    private final Timer commitTimer;
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;
    private long lastSeq;
    private long nextTimeUs;

    public Sequencer(RelayDatabase db, EventLog log, JdbcAccountStore accounts, HostStore hosts, LiveFeed feed, Clock clock,
                     int queueCapacity, int maxBatch, MeterRegistry registry) {
        this.db = db;
        this.log = log;
        this.accounts = accounts;
        this.hosts = hosts;
        this.feed = feed;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.sequenced = Counter.builder("skein.relay.sequenced").description("events written to the relay's log").register(registry);
        this.commitTimer = Timer.builder("skein.relay.sequencer.commit").description("time to commit one batch").register(registry);
        registry.gauge("skein.relay.sequencer.queue", queue, BlockingQueue::size);
        this.lastSeq = log.maxSeq().orElse(0);
        this.nextTimeUs = log.maxTimeUs().orElse(0);
        feed.start(lastSeq);
        this.writer = Thread.ofPlatform().name("relay-sequencer").daemon().unstarted(this::run);
    }

    public void start() {
        writer.start();
    }

    /** Queues a result; blocks while the queue is full. */
    @Override
    public void accept(IngestResult result) {
        if (closing) {
            throw new IllegalStateException("the sequencer is closed");
        }
        try {
            queue.put(result);
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing", e);
        }
    }

    /** The seq of the last committed event. */
    public long lastSeq() {
        return feed.head();
    }

    public LiveFeed feed() {
        return feed;
    }

    /** Waits until everything queued so far is committed, or the timeout passes; true if it was. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long target = accepted.get();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (written.get() < target) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private void run() {
        List<IngestResult> batch = new ArrayList<>(maxBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                IngestResult first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.warn("sequencer interrupted");
                }
            }
        }
    }

    private void write(List<IngestResult> batch) throws InterruptedException {
        List<LoggedEvent> events = new ArrayList<>();
        Map<Object, AccountState> states = new LinkedHashMap<>();
        Map<Host, Long> cursors = new HashMap<>();
        long seq = lastSeq;
        long timeUs = Math.max(nextTimeUs, clock.millis() * 1000);
        for (IngestResult r : batch) {
            if (r.upstreamSeq() > 0) {
                cursors.merge(r.host(), r.upstreamSeq(), Math::max);
            }
            if (r.account() != null) {
                states.remove(r.account().did());
                states.put(r.account().did(), r.account());
            }
            if (r instanceof IngestResult.Passed p) {
                FirehoseEvent e = Resequenced.withSeq(p.event(), ++seq);
                int span = Resequenced.spanUs(e);
                events.add(new LoggedEvent(seq, did(e), EventKind.of(e), timeUs, span, e.encode()));
                timeUs += span;
            }
        }
        List<AccountState> stateList = List.copyOf(states.values());
        while (true) {
            try {
                long start = System.nanoTime();
                db.tx().executeWithoutResult(status -> {
                    log.append(events);
                    accounts.save(stateList);
                    hosts.advanceCursors(cursors, clock.instant());
                });
                commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                break;
            } catch (RuntimeException e) {
                if (closing) {
                    LOG.error("sequencer closing with an uncommitted batch of {} events", events.size(), e);
                    return;
                }
                LOG.warn("committing a batch of {} events failed; retrying", events.size(), e);
                Thread.sleep(RETRY_MS);
            }
        }
        lastSeq = seq;
        nextTimeUs = timeUs;
        sequenced.increment(events.size());
        feed.publish(events);
        written.addAndGet(batch.size());
    }

    private static dev.skein.core.syntax.Did did(FirehoseEvent e) {
        return switch (e) {
            case dev.skein.core.firehose.CommitEvent c -> c.repo();
            case dev.skein.core.firehose.SyncEvent s -> s.did();
            case dev.skein.core.firehose.IdentityEvent i -> i.did();
            case dev.skein.core.firehose.AccountEvent a -> a.did();
            case dev.skein.core.firehose.InfoEvent i -> throw new IllegalArgumentException("#info is not sequenced");
        };
    }

    /** Stops taking results, commits what is queued, and stops the writer. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(10_000);
    }
}
