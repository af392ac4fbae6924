package dev.skein.pds.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Actions that wait until the commits before them are durable. On H2 a commit is durable only after the
 * next {@code CHECKPOINT SYNC} ({@link Transactions#needsSync()}); one thread here runs it for every action
 * queued since its last one, so one flush serves many commits, of every repository and of the event log,
 * and a writer goes on with its next batch while the flush runs (its actions queue up for the next one).
 * On PostgreSQL a commit is durable when it returns, and actions run at once.
 */
final class DurableAcks implements AutoCloseable {
    private record Ack(Runnable durable, Consumer<RuntimeException> failed) {}

    private final boolean needsSync;
    private final Runnable sync;
    private final LinkedBlockingQueue<Ack> pending = new LinkedBlockingQueue<>();
    private final Thread syncer;
    private volatile boolean closed;

    /** @param sync makes every commit so far durable; run by this class's thread when {@code needsSync} */
    DurableAcks(boolean needsSync, Runnable sync) {
        this.needsSync = needsSync;
        this.sync = sync;
        this.syncer = new Thread(this::run, "skein-pds-sync");
        this.syncer.setDaemon(true);
        if (needsSync) {
            syncer.start();
        }
    }

    /** Runs {@code durable} once every transaction committed before this call is durable, or {@code failed}. */
    void afterSync(Runnable durable, Consumer<RuntimeException> failed) {
        if (!needsSync) {
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
                sync.run();
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
