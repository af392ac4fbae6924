package dev.skein.pds.sync;

import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.InfoEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * {@code com.atproto.sync.subscribeRepos}: the frames a consumer gets for its cursor.
 * <ul>
 *   <li>no cursor: what is committed from now on;</li>
 *   <li>a cursor past the last seq: the error frame {@code FutureCursor}, then the end;</li>
 *   <li>a cursor inside the replay window: the events after it, then live ones;</li>
 *   <li>a cursor older than the window (events after it were deleted, or are older than the window):
 *       {@code #info OutdatedCursor} (not stored, no seq), then the window, then live ones;</li>
 *   <li>{@code 0}: the whole window, then live ones.</li>
 * </ul>
 * Every frame is the stored one, sent as it is: its seq is inside. A consumer more than its buffer behind
 * on live events is cut off with {@code ConsumerTooSlow}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event streams: sequence
 * numbers</a>; the replay is of seqs strictly after the cursor, as both reference implementations do.
 */
public final class Firehose {
    static final String FUTURE_CURSOR_MESSAGE = "Cursor in the future.";
    static final String OUTDATED_CURSOR_MESSAGE = "Requested cursor exceeded limit. Possibly missing events";
    static final String TOO_SLOW_MESSAGE = "Stream consumer too slow";

    private final EventLog log;
    private final LiveTail tail;
    private final Scheduler scheduler;
    private final Duration retention;
    private final int consumerBuffer;
    private final Clock clock;
    private final AtomicLong cutOff = new AtomicLong();

    /**
     * @param scheduler where each consumer's frames are read and handed on (the log is read there: it may block)
     * @param retention the replay window
     * @param consumerBuffer live events kept for a slow consumer before it is cut off
     */
    public Firehose(EventLog log, LiveTail tail, Scheduler scheduler, Duration retention, int consumerBuffer, Clock clock) {
        this.log = log;
        this.tail = tail;
        this.scheduler = scheduler;
        this.retention = retention;
        this.consumerBuffer = consumerBuffer;
        this.clock = clock;
    }

    /** The frames for a consumer with this cursor (empty: none); the log is read once they are subscribed to. */
    public Flux<byte[]> frames(OptionalLong cursor) {
        return Flux.defer(() -> open(cursor)).subscribeOn(scheduler, false);
    }

    private Flux<byte[]> open(OptionalLong cursor) {
        if (cursor.isEmpty()) {
            // What was committed before the consumer came is not live, even if the tail has not published it yet.
            long now = Math.max(tail.published(), log.lastSeq());
            return FirehoseOutbox.stream(log, tail, scheduler, consumerBuffer, now, false, List.of(),
                    cutOff::incrementAndGet);
        }
        long c = Math.max(0, cursor.getAsLong());
        if (c > Math.max(log.lastSeq(), tail.published())) {
            return Flux.just(new ErrorFrame(ErrorFrame.FUTURE_CURSOR, FUTURE_CURSOR_MESSAGE).encode());
        }
        long windowStart = log.windowStart(clock.instant().minus(retention));
        List<byte[]> first = c > 0 && c < windowStart
                ? List.of(new InfoEvent(InfoEvent.OUTDATED_CURSOR, OUTDATED_CURSOR_MESSAGE).encode())
                : List.of();
        return FirehoseOutbox.stream(log, tail, scheduler, consumerBuffer, Math.max(c, windowStart), true, first, cutOff::incrementAndGet);
    }

    /** The last frame of a consumer cut off for being too slow. */
    public byte[] tooSlowFrame() {
        return new ErrorFrame(ErrorFrame.CONSUMER_TOO_SLOW, TOO_SLOW_MESSAGE).encode();
    }

    /** How many consumers were cut off for being too slow since the start. */
    public long consumersCutOff() {
        return cutOff.get();
    }

    /** How many consumers are listening to live events now. */
    public int liveConsumers() {
        return tail.listenerCount();
    }
}
