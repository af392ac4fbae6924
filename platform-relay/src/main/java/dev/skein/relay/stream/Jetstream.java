package dev.skein.relay.stream;

import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.store.EventLog;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * The Jetstream-compatible JSON stream over the relay's log. The cursor is a time in microseconds: the consumer
 * gets every event whose {@code time_us} is after it (a cursor older than the log replays the whole log, a cursor
 * in the future waits for that time), then live events. Each Jetstream event's {@code time_us} is its own, so a
 * consumer that resumes from the last {@code time_us} it saw gets every event after it exactly once.
 */
public final class Jetstream {
    /** Sent (as a marker, never on the wire) when the consumer is cut off for being too slow. */
    public static final String TOO_SLOW = new String("ConsumerTooSlow");

    private final EventLog log;
    private final LiveFeed feed;
    private final Scheduler scheduler;
    private final int capacity;
    private final JetstreamEncoder encoder;

    public Jetstream(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity, JetstreamEncoder encoder) {
        this.log = log;
        this.feed = feed;
        this.scheduler = scheduler;
        this.capacity = capacity;
        this.encoder = encoder;
    }

    /**
     * The messages for a consumer. Rendering JSON is not cheap, so each consumer's drain runs on its own worker,
     * not on the sequencer's thread (see {@link Outbox}).
     *
     * @param cursorUs the last {@code time_us} the consumer has, or {@code null} for live events only
     * @param filter the consumer's current filter (it may change while streaming)
     */
    public Flux<String> messages(Long cursorUs, Supplier<JetstreamFilter> filter) {
        long after = cursorUs == null ? feed.head() : log.seqBeforeTime(cursorUs);
        long minTime = cursorUs == null ? Long.MIN_VALUE : cursorUs;
        return Outbox.stream(log, feed, scheduler, capacity, after, List.of(), (e, out) -> {
            JetstreamFilter f = filter.get();
            for (JetstreamMessage m : encoder.render(e)) {
                if (m.timeUs() > minTime && f.wants(m)) {
                    out.accept(m.json());
                }
            }
        }, () -> TOO_SLOW, false);
    }
}
