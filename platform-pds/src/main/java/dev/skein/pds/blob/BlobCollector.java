package dev.skein.pds.blob;

import dev.skein.pds.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blobs that no record references once they are older than the grace period: uploads never used,
 * and blobs whose records were deleted or changed. Runs every interval on a thread of its own, and on
 * demand ({@link #collect()}). Each blob goes under its lock: the row is deleted (and durable) first,
 * then the file, so a crash in between leaves at worst a file without a row, never a row without a file.
 */
public final class BlobCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCollector.class);
    /** Candidates examined per query. */
    static final int PAGE = 500;

    private final BlobStore store;
    private final BlobFiles files;
    private final BlobLocks locks;
    private final Transactions tx;
    private final Clock clock;
    private final Duration grace;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public BlobCollector(BlobStore store, BlobFiles files, BlobLocks locks, Transactions tx, Clock clock, Duration grace,
                         Duration interval) {
        this.store = store;
        this.files = files;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
        this.grace = grace;
        this.interval = interval;
    }

    /** Starts the periodic run. */
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "skein-pds-blob-collector");
                t.setDaemon(true);
                return t;
            });
            long every = interval.toMillis();
            scheduler.scheduleWithFixedDelay(this::collectLogged, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Deletes every collectable blob now; returns how many. */
    public int collect() {
        Instant cutoff = clock.instant().minus(grace);
        int deleted = 0;
        while (true) {
            List<BlobStore.Key> page = store.unreferencedBefore(cutoff, PAGE);
            int before = deleted;
            for (BlobStore.Key key : page) {
                try (BlobLocks.Held held = locks.lock(key.did(), key.cid())) {
                    if (tx.write(() -> store.deleteIfUnreferenced(key.did(), key.cid(), cutoff))) {
                        files.delete(key.did(), key.cid());
                        deleted++;
                    }
                }
            }
            if (page.size() < PAGE || deleted == before) {
                return deleted;
            }
        }
    }

    private void collectLogged() {
        try {
            int n = collect();
            if (n > 0) {
                LOG.info("collected {} unreferenced blob(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("blob collection failed; it runs again in {}", interval, e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
