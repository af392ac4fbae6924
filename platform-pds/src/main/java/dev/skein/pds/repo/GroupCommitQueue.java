package dev.skein.pds.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Per-key queues drained in batches: items for one key are processed in submission order by one task at a
 * time, which takes everything queued for the key (up to {@code maxBatch} items) in one go; different keys
 * are processed in parallel on the executor. While a batch is being processed, new items for its key queue
 * up and form the next batch: under load, batches grow by themselves, which is what makes group commit pay.
 *
 * <p>A key's lane exists only while it has work: the task that finds the queue empty removes it, in the
 * same atomic step in which a submitter would have seen it (both go through the map's {@code compute}).
 *
 * @param <K> the key (an account)
 * @param <T> the item (a pending call)
 */
final class GroupCommitQueue<K, T> {
    /** Processes one batch of one key; must not throw (items carry their own completion). */
    interface Processor<K, T> {
        void process(K key, List<T> batch);
    }

    private static final class Lane<T> {
        final Queue<T> items = new ConcurrentLinkedQueue<>();
        boolean running;
    }

    private final Map<K, Lane<T>> lanes = new ConcurrentHashMap<>();
    private final Executor executor;
    private final int maxBatch;
    private final Processor<K, T> processor;

    GroupCommitQueue(Executor executor, int maxBatch, Processor<K, T> processor) {
        this.executor = executor;
        this.maxBatch = maxBatch;
        this.processor = processor;
    }

    /** Queues an item; starts a drain for its key unless one is running. */
    void submit(K key, T item) {
        boolean[] start = {false};
        lanes.compute(key, (k, lane) -> {
            Lane<T> l = lane == null ? new Lane<>() : lane;
            l.items.add(item);
            if (!l.running) {
                l.running = true;
                start[0] = true;
            }
            return l;
        });
        if (start[0]) {
            executor.execute(() -> drain(key));
        }
    }

    private void drain(K key) {
        Lane<T> lane = lanes.get(key);
        while (true) {
            List<T> batch = new ArrayList<>();
            T item;
            while (batch.size() < maxBatch && (item = lane.items.poll()) != null) {
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                processor.process(key, batch);
                continue;
            }
            boolean[] idle = {false};
            lanes.compute(key, (k, l) -> {
                if (l.items.isEmpty()) {
                    idle[0] = true;
                    return null;
                }
                return l;
            });
            if (idle[0]) {
                return;
            }
        }
    }
}
