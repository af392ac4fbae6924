package dev.skein.pds.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event log to the replay window: every {@code interval}, events sequenced more than
 * {@code retention} ago are deleted. The sequencer's counter is kept apart from the events, so seqs go on
 * from where they were even when every event is gone.
 */
public final class EventRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final EventLog events;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pds-firehose-retention").daemon().factory());

    public EventRetention(EventLog events, Duration retention, Clock clock) {
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    /** Prunes every {@code interval}, the first time one interval from now. */
    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes what is older than the window now; returns how many events went. */
    public long runOnce() {
        try {
            long n = events.prune(clock.instant().minus(retention));
            if (n > 0) {
                log.info("deleted {} firehose events older than {}", n, retention);
            }
            return n;
        } catch (RuntimeException e) {
            log.warn("could not prune the firehose events: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
