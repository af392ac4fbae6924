package dev.skein.relay.sequencer;

import dev.skein.relay.store.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trims the event log to the replay window: events sequenced longer than {@code window} ago are deleted, every
 * {@code interval}. The newest event is always kept, so its seq survives a restart. A consumer whose cursor is
 * older than the oldest kept event gets an {@code OutdatedCursor} notice and the whole window.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final EventLog log;
    private final Duration window;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relay-retention").daemon().factory());

    public RetentionJob(EventLog log, Duration window, Clock clock) {
        this.log = log;
        this.window = window;
        this.clock = clock;
    }

    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes what is older than the window now; returns how many events went. */
    public int runOnce() {
        try {
            long cutoffUs = clock.instant().minus(window).toEpochMilli() * 1000;
            int n = log.deleteBefore(cutoffUs);
            if (n > 0) {
                LOG.info("retention: deleted {} events older than {}", n, window);
            }
            return n;
        } catch (RuntimeException e) {
            LOG.warn("retention run failed", e);
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
