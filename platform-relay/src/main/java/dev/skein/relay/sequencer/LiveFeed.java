package dev.skein.relay.sequencer;

import dev.skein.relay.store.LoggedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans committed events out to live consumers. {@link Listener#onEvents} is called on the sequencer's thread and
 * must not block: a consumer buffers what it cannot send yet, and is cut off when its buffer is full.
 */
public final class LiveFeed {
    /** A live consumer. */
    @FunctionalInterface
    public interface Listener {
        /** A batch of events, in sequence order, just committed. */
        void onEvents(List<LoggedEvent> events);
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile long head;

    /** Registers a listener; it gets every batch published from now on. */
    public Runnable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The seq of the last event published (or of the log's last event at start). */
    public long head() {
        return head;
    }

    void start(long lastSeq) {
        head = lastSeq;
    }

    void publish(List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        head = events.getLast().seq();
        for (Listener l : listeners) {
            l.onEvents(events);
        }
    }

    public int listenerCount() {
        return listeners.size();
    }
}
