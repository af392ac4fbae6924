package dev.skein.relay.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.IngestResult;
import dev.skein.relay.ingest.IngestSink;
import dev.skein.relay.ingest.UpstreamProgress;
import dev.skein.relay.store.AccountCheckpoint;
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
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes ingest results, in order, from any number of threads and writes them on one thread, in batches: each
 * batch's events (under the relay's next sequence numbers and times), the account states they changed and the
 * hosts' new cursors go in one transaction; then the events are published to the {@link LiveFeed}. A batch that
 * fails to commit is retried until it commits or the sequencer is closed: nothing that passed is dropped here.
 *
 * <p>A batch is whatever waited while the last one was written (group commit): the busier the relay, the larger
 * its batches and the cheaper each event. An event passed on unchanged is written as its upstream frame with the
 * seq replaced ({@link UpstreamFrame}); an account whose only change is its last commit is written at the next
 * checkpoint ({@link DeferredAccounts}). A host's cursor moves only past frames whose results are committed
 * ({@link UpstreamProgress}).
 *
 * <p>Sequence numbers continue from the log's highest on start; times ({@code time_us}) are the wall clock in
 * microseconds, pushed forward when needed so that they only increase and every Jetstream event has its own.
 */
public final class Sequencer implements IngestSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    private static final long RETRY_MS = 500;
    /** How long the writer waits for results before it looks at checkpoints and closing. */
    private static final long POLL_MS = 100;
    /** A batch at least this large means the relay is busy: the next batch lingers to grow. */
    static final int LINGER_FROM = 16;
    /** How long a busy relay's batch may wait for more results after its first. */
    static final long LINGER_MICROS = 10_000;

    private final RelayDatabase db;
    private final EventLog log;
    private final JdbcAccountStore accounts;
    private final HostStore hosts;
    private final AccountCheckpoint checkpoint;
    private final UpstreamProgress progress;
    private final DeferredAccounts deferred;
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

    /** A sequencer whose results' upstream seqs are the hosts' cursors as they come (frames processed in order). */
    public Sequencer(RelayDatabase db, EventLog log, JdbcAccountStore accounts, HostStore hosts, LiveFeed feed, Clock clock,
                     int queueCapacity, int maxBatch, MeterRegistry registry) {
        this(db, log, accounts, hosts, null, feed, clock, queueCapacity, maxBatch, registry);
    }

    /**
     * Opens the sequencer on the log: brings account rows up to date with it ({@link DeferredAccounts#recover}) and
     * continues its sequence.
     *
     * @param progress the hosts' frames in flight, which hold their cursors back; {@code null} when results come in
     *     upstream order
     */
    public Sequencer(RelayDatabase db, EventLog log, JdbcAccountStore accounts, HostStore hosts, UpstreamProgress progress,
                     LiveFeed feed, Clock clock, int queueCapacity, int maxBatch, MeterRegistry registry) {
        this.db = db;
        this.log = log;
        this.accounts = accounts;
        this.hosts = hosts;
        this.checkpoint = new AccountCheckpoint(db);
        this.progress = progress;
        this.feed = feed;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.sequenced = Counter.builder("skein.relay.sequenced").description("events written to the relay's log").register(registry);
        this.commitTimer = Timer.builder("skein.relay.sequencer.commit").description("time to commit one batch").register(registry);
        registry.gauge("skein.relay.sequencer.queue", queue, BlockingQueue::size);
        int recovered = DeferredAccounts.recover(db, log, accounts, checkpoint);
        if (recovered > 0) {
            LOG.info("brought {} accounts up to date with the log", recovered);
        }
        this.lastSeq = log.maxSeq().orElse(0);
        this.nextTimeUs = log.maxTimeUs().orElse(0);
        this.deferred = new DeferredAccounts(checkpoint.seq());
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
        int lastBatch = 0;
        while (!closing || !queue.isEmpty()) {
            try {
                IngestResult first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    if (lastBatch >= LINGER_FROM) {
                        linger(batch);
                    }
                    lastBatch = batch.size();
                }
                if (!batch.isEmpty() || deferred.due(lastSeq, false)) {
                    write(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.warn("sequencer interrupted");
                }
            }
        }
        try {
            if (deferred.due(lastSeq, true)) {
                write(batch);
            }
        } catch (InterruptedException e) {
            LOG.warn("sequencer interrupted while writing its last checkpoint");
        }
    }

    /**
     * Lets a busy relay's batch grow for up to {@link #LINGER_MICROS}: a transaction has a fixed cost (H2 writes
     * the pages it changed), so under load fewer, larger transactions leave more CPU to verification. An idle relay
     * does not linger, so its latency stays that of one transaction.
     */
    private void linger(List<IngestResult> batch) {
        if (batch.size() >= maxBatch || closing) {
            return;
        }
        // One wake-up rather than one per result: results arriving meanwhile wait in the queue.
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS));
        queue.drainTo(batch, maxBatch - batch.size());
    }

    private void write(List<IngestResult> batch) throws InterruptedException {
        List<LoggedEvent> events = new ArrayList<>(batch.size());
        Map<Did, AccountState> states = new LinkedHashMap<>();
        Map<Host, Long> cursors = new HashMap<>();
        long seq = lastSeq;
        long timeUs = Math.max(nextTimeUs, clock.millis() * 1000);
        for (IngestResult r : batch) {
            if (r.upstreamSeq() > 0) {
                long cursor = progress == null ? r.upstreamSeq() : progress.complete(r.host(), r.upstreamSeq());
                if (cursor > 0) {
                    cursors.merge(r.host(), cursor, Math::max);
                }
            }
            AccountState state = r.account();
            if (state != null) {
                if (r instanceof IngestResult.Passed p && p.headOnly()) {
                    deferred.defer(state);
                } else {
                    deferred.written(state.did());
                    states.remove(state.did());
                    states.put(state.did(), state);
                }
            }
            if (r instanceof IngestResult.Passed p) {
                FirehoseEvent e = p.event();
                long s = ++seq;
                byte[] frame = p.frame() != null ? p.frame().withSeq(s) : Resequenced.withSeq(e, s).encode();
                int span = Resequenced.spanUs(e);
                events.add(new LoggedEvent(s, did(e), EventKind.of(e), timeUs, span, frame));
                timeUs += span;
            }
        }
        List<AccountState> stateList = List.copyOf(states.values());
        long through = seq;
        List<AccountState> checkpointed = deferred.due(through, closing) ? deferred.take() : null;
        while (true) {
            try {
                long start = System.nanoTime();
                db.tx().executeWithoutResult(status -> {
                    if (!events.isEmpty()) {
                        log.append(events);
                    }
                    accounts.save(stateList);
                    if (checkpointed != null) {
                        // After the batch's own writes: a deferred state is newer than one written in the same batch.
                        accounts.save(checkpointed);
                        checkpoint.set(through);
                    }
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
        if (checkpointed != null) {
            deferred.checkpointed(through);
        }
        lastSeq = seq;
        nextTimeUs = timeUs;
        sequenced.increment(events.size());
        feed.publish(java.util.Collections.unmodifiableList(events));
        written.addAndGet(batch.size());
    }

    private static Did did(FirehoseEvent e) {
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
