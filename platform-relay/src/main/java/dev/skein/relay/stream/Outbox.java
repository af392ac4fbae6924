package dev.skein.relay.stream;

import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.LoggedEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * One consumer's stream of the log: replays from the log after a seq, then serves live events, at the pace the
 * consumer reads (demand).
 *
 * <p>The handover from replay to live can neither lose nor repeat an event: while replaying, the live feed is
 * ignored; once the log has nothing more, live events are queued ({@code CATCHUP}) and the log is read once more
 * until it has nothing more; from then on ({@code LIVE}) events come from the queue, skipping any the log already
 * gave. An event published before queueing started was committed before it, so the last reads of the log see it;
 * one published after is in the queue. The queue holds at most {@code capacity} events; when a consumer lets it fill
 * up, what is pending is dropped and the consumer gets the {@code tooSlow} message, then the end of the stream.
 *
 * <p>Cheap per consumer, since a hundred consumers each take every event: the live feed's batches are queued whole
 * (the lists are shared, never copied), and messages go to the subscriber directly, the drain itself keeping to the
 * demand. One drain runs at a time per consumer. Where rendering an event is cheap ({@code liveInline}: passing
 * the logged frame on), a live consumer's drain runs on the thread that publishes the batch, when no drain of that
 * consumer is running: a batch then costs no thread wake-up per consumer. Otherwise, and for everything that may
 * read the log (replay, catching up) or waits on the consumer's demand, the drain is scheduled on the consumer's
 * worker.
 *
 * @param <T> what is sent: frames, or JSON messages
 */
final class Outbox<T> {
    /** Events read from the log per query. */
    static final int PAGE = 500;

    private enum Mode { REPLAY, CATCHUP, LIVE }

    private final EventLog log;
    private final LiveFeed feed;
    private final Scheduler.Worker worker;
    private final int capacity;
    /** Live batches, as published; {@link #queued} counts their events. */
    private final ConcurrentLinkedQueue<List<LoggedEvent>> batches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final BiConsumer<LoggedEvent, Consumer<T>> render;
    private final Supplier<T> tooSlowMessage;
    private final boolean liveInline;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    /** What {@link #render} puts its messages into (one method reference, not one per event). */
    private final Consumer<T> toPending = pending::add;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Mode mode;
    private volatile boolean tooSlow;
    private volatile boolean done;
    /** The consumer was found too slow: after the pending message, the stream ends. Drain only. */
    private boolean ending;
    /** The live batch being sent and the position in it. Drain only. */
    private List<LoggedEvent> current;
    private int at;
    private long sent;
    private FluxSink<T> sink;
    private Runnable unsubscribe = () -> { };

    /**
     * @param after the last seq the consumer has; events after it are served
     * @param first messages sent before any event (an {@code #info}), or empty
     * @param liveInline whether {@code render} is cheap enough to run on the thread that publishes live batches
     *     (the sequencer's), for every consumer in turn
     */
    static <T> Flux<T> stream(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity, long after,
                              List<T> first, BiConsumer<LoggedEvent, Consumer<T>> render, Supplier<T> tooSlowMessage,
                              boolean liveInline) {
        // IGNORE: the drain never sends beyond the demand, so Reactor need not queue what it sends.
        return Flux.create(sink -> {
            Outbox<T> o = new Outbox<>(log, feed, scheduler, capacity, render, tooSlowMessage, liveInline);
            o.pending.addAll(first);
            o.start(sink, after);
        }, FluxSink.OverflowStrategy.IGNORE);
    }

    private Outbox(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity,
                   BiConsumer<LoggedEvent, Consumer<T>> render, Supplier<T> tooSlowMessage, boolean liveInline) {
        this.log = log;
        this.feed = feed;
        this.worker = scheduler.createWorker();
        this.capacity = capacity;
        this.render = render;
        this.tooSlowMessage = tooSlowMessage;
        this.liveInline = liveInline;
    }

    private void start(FluxSink<T> s, long after) {
        this.sink = s;
        this.sent = after;
        this.mode = Mode.REPLAY;
        unsubscribe = feed.subscribe(this::onLive);
        s.onRequest(n -> schedule());
        s.onDispose(this::stop);
    }

    private void onLive(List<LoggedEvent> events) {
        if (mode == Mode.REPLAY || done || tooSlow) {
            return;
        }
        if (queued.addAndGet(events.size()) > capacity) {
            tooSlow = true;
        } else {
            batches.offer(events);
        }
        if (liveInline && mode == Mode.LIVE && !tooSlow) {
            // In LIVE mode the drain reads no log: it only hands queued events to the subscriber, as far as its
            // demand goes. A consumer cut off for being slow ends on its worker, as it also unsubscribes.
            if (!done && wip.getAndIncrement() == 0) {
                drain();
            }
        } else {
            schedule();
        }
    }

    /** Runs the drain on the worker, unless it is already running or scheduled (then it goes round once more). */
    private void schedule() {
        if (!done && wip.getAndIncrement() == 0) {
            worker.schedule(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        try {
            do {
                drainOnce();
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        } catch (RuntimeException e) {
            done = true;
            sink.error(e);
        }
    }

    private void drainOnce() {
        while (!done) {
            if (tooSlow && !ending) {
                ending = true;
                pending.clear();
                batches.clear();
                current = null;
                // Let go of the live feed now: the end of the stream reaches the consumer only when it reads again.
                unsubscribe.run();
                pending.add(tooSlowMessage.get());
            }
            if (ending && pending.isEmpty()) {
                done = true;
                sink.complete();
                return;
            }
            if (pending.isEmpty() && mode != Mode.LIVE && !ending) {
                // Reading on without demand is bounded (one page) and lets a consumer that has caught up go live
                // at once, so that from then on its queue is what holds it to the pace of the others.
                List<LoggedEvent> page = log.after(sent, PAGE);
                if (page.isEmpty()) {
                    mode = mode == Mode.REPLAY ? Mode.CATCHUP : Mode.LIVE;
                }
                for (LoggedEvent e : page) {
                    add(e);
                }
                continue;
            }
            if (sink.requestedFromDownstream() <= 0) {
                return;
            }
            if (!pending.isEmpty()) {
                sink.next(pending.poll());
                continue;
            }
            if (mode == Mode.LIVE) {
                if (current == null || at == current.size()) {
                    current = batches.poll();
                    at = 0;
                    if (current == null) {
                        return;
                    }
                    queued.addAndGet(-current.size());
                }
                LoggedEvent e = current.get(at++);
                if (e.seq() > sent) {
                    add(e);
                }
            }
        }
    }

    private void add(LoggedEvent e) {
        sent = e.seq();
        render.accept(e, toPending);
    }

    private void stop() {
        done = true;
        unsubscribe.run();
        worker.dispose();
    }
}
