package dev.skein.relay.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the pipeline does ({@code skein.relay.ingest.passed} by event type,
 * {@code skein.relay.ingest.dropped} by reason, {@code skein.relay.ingest.deferred},
 * {@code skein.relay.ingest.resyncs} by outcome) and logs drops without flooding: at most one line per reason per
 * {@link #LOG_INTERVAL_MS}, saying how many were not logged since.
 */
public final class IngestMetrics {
    /** The least time between two log lines for one drop reason. */
    public static final long LOG_INTERVAL_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IngestMetrics.class);

    private final MeterRegistry registry;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Map<String, Counter> passed = new ConcurrentHashMap<>();
    private final Counter deferred;
    private final Map<DropReason, AtomicLong> lastLogged = new EnumMap<>(DropReason.class);
    private final Map<DropReason, AtomicLong> unlogged = new EnumMap<>(DropReason.class);

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DropReason r : DropReason.values()) {
            dropped.put(r, Counter.builder("skein.relay.ingest.dropped").tag("reason", r.metricTag())
                    .description("upstream frames the relay did not pass on").register(registry));
            lastLogged.put(r, new AtomicLong(0));
            unlogged.put(r, new AtomicLong());
        }
        deferred = Counter.builder("skein.relay.ingest.deferred")
                .description("events held back while their account resynchronised").register(registry);
    }

    void record(IngestResult result) {
        switch (result) {
            case IngestResult.Passed p -> passed.computeIfAbsent(p.event().type(), t -> Counter
                    .builder("skein.relay.ingest.passed").tag("type", t.substring(1)).register(registry)).increment();
            case IngestResult.Dropped d -> drop(d);
            case IngestResult.Deferred d -> deferred.increment();
        }
    }

    void resync(String outcome) {
        registry.counter("skein.relay.ingest.resyncs", "outcome", outcome).increment();
    }

    /** How many frames were dropped for {@code reason} so far. */
    public long droppedCount(DropReason reason) {
        return (long) dropped.get(reason).count();
    }

    private void drop(IngestResult.Dropped d) {
        dropped.get(d.reason()).increment();
        long now = System.currentTimeMillis();
        AtomicLong last = lastLogged.get(d.reason());
        long prev = last.get();
        if (now - prev >= LOG_INTERVAL_MS && last.compareAndSet(prev, now)) {
            long skipped = unlogged.get(d.reason()).getAndSet(0);
            LOG.info("dropped from {} ({}{}): {}{}", d.host(), d.reason().metricTag(), d.did() == null ? "" : ", " + d.did(),
                    d.detail(), skipped == 0 ? "" : " [" + skipped + " more dropped for this reason since the last line]");
        } else {
            unlogged.get(d.reason()).incrementAndGet();
        }
    }
}
