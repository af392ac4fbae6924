package dev.skein.pds.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest events, handed to live consumers in seq order as they are committed.
 *
 * <p>Writers tell the tail the seq of each event once its transaction has committed ({@link #committed});
 * the tail's own thread then reads what is new from the log and gives it to every listener, in seq order,
 * each event once. Reading the log rather than taking events from the writers keeps the order right
 * however the writers' threads interleave after their commits, and since seqs are taken under a lock held
 * until commit, an event visible in the log has every earlier one visible too. The thread also looks at the
 * log's counter every {@link #POLL}, so an event whose writer did not report it still goes out.
 *
 * <p>Listeners are called on the tail's thread and must not block; a consumer that cannot take events
 * keeps them in a bounded queue of its own.
 *
 * <p>What a consumer has seen is durable: writers report a seq only once its commit is durable (on H2,
 * after the shared {@code CHECKPOINT SYNC}; see {@link dev.skein.pds.store.Transactions#afterDurable}), and
 * what the periodic look at the counter finds goes out only after {@code afterDurable} says so too. A crash
 * therefore never takes back an event a consumer saw, and a seq is never handed out twice.
 */
public final class LiveTail implements AutoCloseable {
    /** How often the log is checked for events no writer reported. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** Events read from the log per query. */
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(LiveTail.class);

    /** A live consumer. */
    @FunctionalInterface
    public interface Listener {
        /** Events just committed, in seq order, none seen before. */
        void onEvents(List<SequencedFrame> events);
    }

    private final EventLog events;
    private final Consumer<Runnable> afterDurable;
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> observers = new CopyOnWriteArrayList<>();
    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile long published;
    private volatile boolean closed;
    private Thread thread;
    /** Reads that failed in a row; touched only by the tail's thread. */
    private int failures;

    /** A tail over a log whose commits are durable when they return (as on PostgreSQL). */
    public LiveTail(EventLog events) {
        this(events, Runnable::run);
    }

    /** @param afterDurable runs an action once every commit made so far is durable */
    public LiveTail(EventLog events, Consumer<Runnable> afterDurable) {
        this.events = events;
        this.afterDurable = afterDurable;
    }

    /** Starts from the log's current end: what is stored already is replay, not live. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        published = events.lastSeq();
        committed.set(published);
        thread = Thread.ofPlatform().name("pds-firehose-tail").daemon().start(this::run);
    }

    /** A writer's event with this seq has committed. Cheap and non-blocking: the tail's thread does the rest. */
    public void committed(long seq) {
        if (committed.accumulateAndGet(seq, Math::max) > published) {
            lock.lock();
            try {
                wake.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The seq of the last event handed to listeners: every event up to it is durable, and none after it has
     * been handed out.
     */
    public long published() {
        return published;
    }

    /** Registers a listener for every event published from now on; returns how to unregister it. */
    public Runnable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many consumers listen (observers not counted). */
    public int listenerCount() {
        return listeners.size();
    }

    /** Runs {@code observer} (cheap, non-blocking) after each batch of new events: for those who need no events. */
    public void observe(Runnable observer) {
        observers.add(observer);
    }

    private void run() {
        while (!closed) {
            try {
                awaitWork();
                if (closed) {
                    return;
                }
                if (committed.get() <= published) {
                    long stored = events.lastSeq();
                    if (stored > published) {
                        afterDurable.accept(() -> committed(stored));
                    }
                }
                publishNew();
                if (failures > 0) {
                    log.info("the live feed reads the event log again, after {} failures", failures);
                    failures = 0;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (failures++ == 0) {
                    log.warn("the live feed cannot read the event log; retrying every {}: {}", POLL, e.toString());
                } else {
                    log.debug("the live feed still cannot read the event log: {}", e.toString());
                }
                sleepQuietly();
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (committed.get() <= published) {
                wake.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void publishNew() {
        long durable;
        while ((durable = committed.get()) > published) {
            // The log may already hold events committed after the last durable point (on H2, before the next
            // shared flush): they go out once a writer or the flush says they are durable, not before.
            List<SequencedFrame> page = upTo(events.after(published, PAGE), durable);
            if (page.isEmpty()) {
                // The events up to that point were purged (a deleted account) before they could be read.
                published = durable;
                continue;
            }
            published = page.getLast().seq();
            for (Listener l : listeners) {
                l.onEvents(page);
            }
            observers.forEach(Runnable::run);
        }
    }

    /** The events of {@code page} (in seq order) with a seq of at most {@code last}. */
    static List<SequencedFrame> upTo(List<SequencedFrame> page, long last) {
        if (page.isEmpty() || page.getLast().seq() <= last) {
            return page;
        }
        int n = 0;
        while (n < page.size() && page.get(n).seq() <= last) {
            n++;
        }
        return page.subList(0, n);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
