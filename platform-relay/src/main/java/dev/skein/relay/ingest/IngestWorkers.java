package dev.skein.relay.ingest;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies frames of different accounts in parallel. A host's thread {@linkplain #submit submits} its frames in
 * upstream order; each is decoded and its sequence checked there ({@link IngestProcessor#admit}), then handed to
 * the shard its account's DID hashes to. A shard is a virtual thread with a bounded queue that handles its frames
 * one at a time, in order, so the events of one account are handled, and reach the sequencer, in the order the
 * host sent them. Events of different accounts may reach it in another order: the order in which they finished.
 * The host's cursor still only moves past a frame once its result is committed ({@link UpstreamProgress}).
 *
 * <p>Shards are virtual threads so that a shard waiting on I/O (resolving a new account's DID) leaves its carrier
 * to the others; verification itself is CPU-bound, so the carriers (one per core) bound the parallelism. A full
 * shard queue blocks the submitting host thread, which stops reading its socket: back-pressure, not loss.
 */
public final class IngestWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorkers.class);
    /** Frames a shard takes off its queue at a time, before it lets other virtual threads run. */
    static final int DRAIN = 32;
    private static final IngestProcessor.Admitted STOP = new IngestProcessor.Admitted(null, 0, null, null, null);

    private final IngestProcessor processor;
    private final List<Shard> shards = new ArrayList<>();
    private volatile boolean closed;

    /** Shards that suit this machine: enough per core that one busy account or a slow DID lookup holds up few others. */
    public static int defaultShards() {
        return 8 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param shards how many shards (virtual threads)
     * @param queueCapacity frames each shard may hold waiting
     */
    public IngestWorkers(IngestProcessor processor, int shards, int queueCapacity) {
        this.processor = Objects.requireNonNull(processor, "processor");
        if (shards < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("shards and queueCapacity must be positive");
        }
        for (int i = 0; i < shards; i++) {
            this.shards.add(new Shard(i, queueCapacity));
        }
    }

    /** Starts the shards' threads. */
    public IngestWorkers start() {
        for (Shard s : shards) {
            s.thread.start();
        }
        return this;
    }

    /**
     * Takes one frame of {@code host}; frames of a host must be submitted one at a time, in upstream order. Blocks
     * while the account's shard is full.
     */
    public void submit(Host host, byte[] frame) {
        if (closed) {
            throw new IllegalStateException("the ingest workers are closed");
        }
        processor.admit(host, frame, true, a -> shardOf(a.did()).put(a));
    }

    /** Frames waiting in the shards' queues. */
    public int queued() {
        int n = 0;
        for (Shard s : shards) {
            n += s.queue.size();
        }
        return n;
    }

    private Shard shardOf(Did did) {
        int h = did.hashCode();
        return shards.get(Math.floorMod(h ^ (h >>> 16), shards.size()));
    }

    /** Stops taking frames, handles those already queued, and stops the shards (waiting up to 10 s). */
    @Override
    public void close() {
        closed = true;
        for (Shard s : shards) {
            s.put(STOP);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Shard s : shards) {
            try {
                if (!s.thread.join(java.time.Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
                    LOG.warn("ingest shard {} still busy after 10 s", s.index);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Shard {
        final int index;
        final BlockingQueue<IngestProcessor.Admitted> queue;
        final Thread thread;

        Shard(int index, int capacity) {
            this.index = index;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = Thread.ofVirtual().name("relay-ingest-" + index).unstarted(this::run);
        }

        void put(IngestProcessor.Admitted a) {
            try {
                queue.put(a);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing a frame to its shard", e);
            }
        }

        private void run() {
            List<IngestProcessor.Admitted> batch = new ArrayList<>(DRAIN);
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    LOG.warn("ingest shard {} interrupted; {} frames left unhandled", index, queue.size());
                    return;
                }
                queue.drainTo(batch, DRAIN - 1);
                for (IngestProcessor.Admitted a : batch) {
                    if (a == STOP) {
                        return;
                    }
                    handle(a);
                }
                batch.clear();
                // A shard that always has work would otherwise keep its carrier: let host threads and others run. One
                // whose queue is empty gives its carrier up in take() anyway; yielding first would only schedule it
                // once more for nothing (and may wake an idle carrier to run it).
                if (!queue.isEmpty()) {
                    Thread.yield();
                }
            }
        }

        private void handle(IngestProcessor.Admitted a) {
            try {
                processor.handle(a);
            } catch (RuntimeException e) {
                LOG.error("handling seq {} of {} from {} failed", a.seq(), a.did(), a.host(), e);
                try {
                    processor.emit(new IngestResult.Dropped(a.host(), a.seq(), a.did(), DropReason.INTERNAL_ERROR,
                            e.toString(), null));
                } catch (RuntimeException again) {
                    LOG.error("could not report the failure of seq {} from {}", a.seq(), a.host(), again);
                }
            }
        }
    }
}
