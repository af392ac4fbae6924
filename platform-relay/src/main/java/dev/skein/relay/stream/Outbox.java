package dev.skein.relay.stream;

import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.LoggedEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
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
 * @param <T> what is sent: frames, or JSON messages
 */
final class Outbox<T> {
    /** Events read from the log per query. */
    static final int PAGE = 500;

    private enum Mode { REPLAY, CATCHUP, LIVE }

    private final EventLog log;
    private final LiveFeed feed;
    private final Scheduler.Worker worker;
    private final ArrayBlockingQueue<LoggedEvent> queue;
    private final BiConsumer<LoggedEvent, Consumer<T>> render;
    private final Supplier<T> tooSlowMessage;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Mode mode;
    private volatile boolean tooSlow;
    private volatile boolean done;
    private long sent;
    private FluxSink<T> sink;
    private Runnable unsubscribe = () -> { };

    /**
     * @param after the last seq the consumer has; events after it are served
     * @param replay whether to read the log from {@code after} first (else the consumer only wants what comes next)
     * @param first messages sent before any event (an {@code #info}), or empty
     */
    static <T> Flux<T> stream(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity, long after,
                              List<T> first, BiConsumer<LoggedEvent, Consumer<T>> render, Supplier<T> tooSlowMessage) {
        return Flux.create(sink -> {
            Outbox<T> o = new Outbox<>(log, feed, scheduler, capacity, render, tooSlowMessage);
            o.pending.addAll(first);
            o.start(sink, after);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private Outbox(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity,
                   BiConsumer<LoggedEvent, Consumer<T>> render, Supplier<T> tooSlowMessage) {
        this.log = log;
        this.feed = feed;
        this.worker = scheduler.createWorker();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.render = render;
        this.tooSlowMessage = tooSlowMessage;
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
        if (mode == Mode.REPLAY || done) {
            return;
        }
        for (LoggedEvent e : events) {
            if (!queue.offer(e)) {
                tooSlow = true;
                break;
            }
        }
        schedule();
    }

    private void schedule() {
        if (!done) {
            worker.schedule(this::drain);
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
            done = true;
            sink.error(e);
        }
    }

    private void drainOnce() {
        while (!done) {
            if (tooSlow) {
                pending.clear();
                queue.clear();
                done = true;
                // Let go of the live feed now: the end of the stream reaches the consumer only when it reads again.
                unsubscribe.run();
                sink.next(tooSlowMessage.get());
                sink.complete();
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
                LoggedEvent e = queue.poll();
                if (e == null) {
                    return;
                }
                if (e.seq() > sent) {
                    add(e);
                }
                continue;
            }
            List<LoggedEvent> page = log.after(sent, PAGE);
            if (page.isEmpty()) {
                mode = mode == Mode.REPLAY ? Mode.CATCHUP : Mode.LIVE;
                continue;
            }
            for (LoggedEvent e : page) {
                add(e);
            }
        }
    }

    private void add(LoggedEvent e) {
        sent = e.seq();
        render.accept(e, pending::add);
    }

    private void stop() {
        done = true;
        unsubscribe.run();
        worker.dispose();
    }
}
