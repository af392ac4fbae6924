package dev.skein.relay.stream;

import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.store.EventLog;
import java.util.List;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * {@code com.atproto.sync.subscribeRepos} over the relay's log, as binary frames:
 * <ul>
 *   <li>no cursor: live events from now;</li>
 *   <li>a cursor past the last seq: the error frame {@code FutureCursor}, then the end;</li>
 *   <li>a cursor older than the log (its next events were trimmed): an {@code #info OutdatedCursor} message, then the
 *       whole log, then live;</li>
 *   <li>otherwise events with a seq above the cursor, then live.</li>
 * </ul>
 * A consumer more than the buffer behind gets {@code ConsumerTooSlow} and the end.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event stream: sequence numbers</a>.
 */
public final class SubscribeRepos {
    public static final String NSID = ComAtproto.Sync.SUBSCRIBE_REPOS.value();

    private final EventLog log;
    private final LiveFeed feed;
    private final Scheduler scheduler;
    private final int capacity;

    public SubscribeRepos(EventLog log, LiveFeed feed, Scheduler scheduler, int capacity) {
        this.log = log;
        this.feed = feed;
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    /**
     * The frames for a consumer with this cursor ({@code null}: none). Live frames may be delivered on the
     * sequencer's thread: the subscriber must not block in {@code onNext} (a WebSocket send only queues the frame).
     */
    public Flux<byte[]> frames(Long cursor) {
        byte[] tooSlow = new ErrorFrame(ErrorFrame.CONSUMER_TOO_SLOW, "Stream consumer too slow").encode();
        if (cursor == null) {
            // Read the head before listening: events committed in between are then read from the log.
            return stream(feed.head(), List.of(), tooSlow);
        }
        if (cursor > feed.head()) {
            return Flux.just(new ErrorFrame(ErrorFrame.FUTURE_CURSOR, "Cursor in the future.").encode());
        }
        OptionalLong min = log.minSeq();
        List<byte[]> first = cursor > 0 && min.isPresent() && cursor < min.getAsLong() - 1
                ? List.of(new InfoEvent(InfoEvent.OUTDATED_CURSOR, "Requested cursor exceeded limit. Possibly missing events").encode())
                : List.of();
        return stream(Math.max(0, cursor), first, tooSlow);
    }

    /**
     * The logged frames after {@code after}, as they are: passing a frame on is cheap, so live batches are handed to
     * the consumers on the sequencer's thread (see {@link Outbox}).
     */
    private Flux<byte[]> stream(long after, List<byte[]> first, byte[] tooSlow) {
        return Outbox.stream(log, feed, scheduler, capacity, after, first, (e, out) -> out.accept(e.frame()), () -> tooSlow,
                true);
    }
}
