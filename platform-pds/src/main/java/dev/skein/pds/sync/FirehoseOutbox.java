package dev.skein.pds.sync;

import dev.skein.xrpc.SubscriptionOverflowException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * One consumer's frames: the log after a seq, then the live tail, sent only as fast as the consumer's
 * socket asks for them.
 *
 * <p>The handover from the log to the live tail neither loses nor repeats an event. While replaying
 * ({@code REPLAY}) the tail is not listened to. Once the log has nothing more, the outbox starts listening,
 * queueing live events ({@code CATCHUP}), and reads the log again until it has nothing more; from then on
 * ({@code LIVE}) events come from the queue, skipping those the log already gave. An event the tail
 * published before the listening started was committed before it, so the later reads of the log see it;
 * one published after is in the queue; the tail publishes in seq order, so skipping seqs already sent
 * loses nothing.
 *
 * <p>The queue holds at most {@code capacity} live events. When it overflows while the consumer's socket
 * still asks for frames (a burst faster than this outbox's thread), the queue is dropped and the outbox
 * reads the log again from where it is: nothing is lost, the consumer only lags. A consumer whose socket
 * asks for nothing while the queue overflows is cut off: what
 * waits is dropped, the tail is let go of at once, and the frames end with
 * {@link SubscriptionOverflowException} (the endpoint sends {@code ConsumerTooSlow} and closes). Replay
 * reads the log only when the consumer asks for more, so a long replay never overflows.
 */
final class FirehoseOutbox {
    private enum Mode { REPLAY, CATCHUP, LIVE }

    private static final Logger LOG = LoggerFactory.getLogger(FirehoseOutbox.class);

    private final EventLog log;
    private final LiveTail tail;
    private final Scheduler.Worker worker;
    private final int capacity;
    private final Runnable onCutOff;
    private final ArrayBlockingQueue<SequencedFrame> queue;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Mode mode;
    private volatile boolean overflowed;
    private volatile boolean done;
    private long sent;
    private FluxSink<byte[]> sink;
    private volatile Runnable unsubscribe = () -> { };

    /**
     * @param after the last seq the consumer has: it gets the events after it
     * @param replay whether to read the log first; otherwise the consumer wants only what the tail has not
     *     published yet ({@code after} is then the tail's position)
     * @param first frames sent before any event (an {@code #info}), or none
     * @param onCutOff told when the consumer is cut off for being too slow
     */
    static Flux<byte[]> stream(EventLog log, LiveTail tail, Scheduler scheduler, int capacity, long after,
                               boolean replay, List<byte[]> first, Runnable onCutOff) {
        return Flux.create(sink -> {
            FirehoseOutbox o = new FirehoseOutbox(log, tail, scheduler, capacity, onCutOff);
            o.pending.addAll(first);
            o.start(sink, after, replay);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private FirehoseOutbox(EventLog log, LiveTail tail, Scheduler scheduler, int capacity, Runnable onCutOff) {
        this.onCutOff = onCutOff;
        this.log = log;
        this.tail = tail;
        this.worker = scheduler.createWorker();
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    private void start(FluxSink<byte[]> s, long after, boolean replay) {
        this.sink = s;
        this.sent = after;
        if (replay) {
            mode = Mode.REPLAY;
        } else {
            listen();
        }
        s.onRequest(n -> schedule());
        s.onDispose(this::stop);
    }

    private void listen() {
        mode = Mode.CATCHUP;
        queue.clear();
        unsubscribe = tail.subscribe(this::onLive);
    }

    /** On the tail's thread: must not block. */
    private void onLive(List<SequencedFrame> events) {
        if (done) {
            return;
        }
        for (SequencedFrame e : events) {
            if (!queue.offer(e)) {
                overflowed = true;
                break;
            }
        }
        schedule();
    }

    private void schedule() {
        if (!done) {
            try {
                worker.schedule(this::drain);
            } catch (RejectedExecutionException e) {
                // The consumer went away meanwhile: nothing is left to send.
            }
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        try {
            do {
                drainOnce();
            } while (wip.decrementAndGet() != 0);
        } catch (RuntimeException e) {
            wip.set(0);
            finish();
            sink.error(e);
        }
    }

    private void drainOnce() {
        while (!done) {
            if (overflowed && !recover()) {
                LOG.info("a firehose consumer is cut off: its socket takes nothing and {} live events wait", capacity);
                finish();
                onCutOff.run();
                sink.error(new SubscriptionOverflowException(capacity));
                return;
            }
            if (sink.requestedFromDownstream() <= 0) {
                return;
            }
            if (!pending.isEmpty()) {
                sink.next(pending.poll());
                continue;
            }
            if (mode == Mode.LIVE) {
                SequencedFrame e = queue.poll();
                if (e == null) {
                    return;
                }
                if (e.seq() > sent) {
                    add(e);
                }
                continue;
            }
            // No more than the consumer asked for: what waits in memory stays bounded by its demand. Nothing the
            // tail has not published either: the log may hold events that are committed but not yet durable (on
            // H2, until the next shared flush), and a consumer must never see an event a crash could take back.
            List<SequencedFrame> page = LiveTail.upTo(
                    log.after(sent, (int) Math.min(LiveTail.PAGE, sink.requestedFromDownstream())), tail.published());
            if (page.isEmpty()) {
                if (mode == Mode.REPLAY) {
                    listen();
                } else {
                    mode = Mode.LIVE;
                }
                continue;
            }
            page.forEach(this::add);
        }
    }

    /**
     * After the queue overflowed: a consumer whose socket still asks for frames is only behind this
     * outbox's own thread (a burst, or the end of a replay), and goes back to reading the log, which has
     * every event the dropped queue held; one whose socket asks for nothing is too slow.
     */
    private boolean recover() {
        if (sink.requestedFromDownstream() <= 0) {
            return false;
        }
        unsubscribe.run();
        queue.clear();
        overflowed = false;
        mode = Mode.REPLAY;
        return true;
    }

    private void add(SequencedFrame e) {
        sent = e.seq();
        pending.add(e.frame());
    }

    /** Drops what waits and lets go of the tail now: a stalled consumer may never read its last frame. */
    private void finish() {
        done = true;
        unsubscribe.run();
        pending.clear();
        queue.clear();
    }

    private void stop() {
        finish();
        worker.dispose();
    }
}
