package dev.skein.pds.repo;

import dev.skein.pds.store.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Acknowledgements that wait until the commits before them are on disk. On H2 a commit reaches the file
 * but not the disk ({@link Transactions#needsSync()}); one thread here forces the file for every
 * acknowledgement queued since its last flush, so one flush serves many commits, of every repository, and a
 * writer goes on with its next batch while the flush runs (its acknowledgements queue up for the next one).
 * On PostgreSQL a commit is durable when it returns, and acknowledgements are made at once.
 */
final class DurableAcks implements AutoCloseable {
    private record Ack(Runnable durable, Consumer<RuntimeException> failed) {}

    private final Transactions tx;
    private final LinkedBlockingQueue<Ack> pending = new LinkedBlockingQueue<>();
    private final Thread syncer;
    private volatile boolean closed;

    DurableAcks(Transactions tx) {
        this.tx = tx;
        this.syncer = new Thread(this::run, "skein-pds-sync");
        this.syncer.setDaemon(true);
        if (tx.needsSync()) {
            syncer.start();
        }
    }

    /** Runs {@code durable} once every transaction committed before this call is durable, or {@code failed}. */
    void afterSync(Runnable durable, Consumer<RuntimeException> failed) {
        if (!tx.needsSync()) {
            durable.run();
            return;
        }
        if (closed) {
            failed.accept(new IllegalStateException("the PDS is shutting down"));
            return;
        }
        pending.add(new Ack(durable, failed));
    }

    private void run() {
        List<Ack> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                break;
            }
            pending.drainTo(batch);
            RuntimeException failure = null;
            try {
                tx.syncCommitted();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (Ack a : batch) {
                if (failure == null) {
                    a.durable().run();
                } else {
                    a.failed().accept(failure);
                }
            }
            batch.clear();
        }
        IllegalStateException shutdown = new IllegalStateException("the PDS is shutting down");
        pending.forEach(a -> a.failed().accept(shutdown));
    }

    @Override
    public void close() {
        closed = true;
        syncer.interrupt();
    }
}
