package dev.skein.relay.store;

import dev.skein.core.syntax.Did;
import java.util.Objects;

/**
 * One event of the relay's log.
 *
 * @param seq the relay's sequence number, which is also the {@code seq} inside {@code frame}
 * @param timeUs when it was sequenced, in microseconds since the epoch; unique and increasing
 * @param spanUs how many microseconds it takes, {@code timeUs .. timeUs + spanUs - 1}: one per op for a commit
 *     (each op is a Jetstream event with its own cursor), at least one
 * @param frame the {@code subscribeRepos} frame as served; shared, not copied
 */
public record LoggedEvent(long seq, Did did, EventKind kind, long timeUs, int spanUs, byte[] frame) {
    public LoggedEvent {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(frame, "frame");
        if (spanUs < 1) {
            throw new IllegalArgumentException("spanUs must be at least 1");
        }
    }

    /** The last microsecond this event's Jetstream events use. */
    public long lastTimeUs() {
        return timeUs + spanUs - 1;
    }
}
