package dev.skein.relay.ingest;

import dev.skein.relay.host.Host;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each host's stream has been processed, for the two places that need it: the sequence check (a frame's
 * upstream seq must increase on a host) and the host's cursor, the upstream seq the relay resumes after.
 *
 * <p>When frames of one host are verified in parallel ({@link IngestWorkers}), their results reach the sequencer
 * in the order verification finishes, not in upstream order. A cursor is only safe when every frame at or below it
 * has its result committed: otherwise a crash would resume after a frame that was never passed on. So a frame is
 * {@linkplain #admit admitted} in upstream order when it is handed to a worker, and {@linkplain #complete completed}
 * by the sequencer when its result goes into a transaction; the cursor is the last seq before the first frame still
 * in flight. A completed seq that was never admitted (frames processed one at a time, whose results arrive in
 * order) moves the cursor directly.
 *
 * <p>Thread-safe: each host's entry is guarded by its own monitor.
 */
public final class UpstreamProgress {
    private final ConcurrentHashMap<Host, HostProgress> hosts = new ConcurrentHashMap<>();

    /** One host: the last seq seen, and the seqs in flight, in order, as a ring. */
    private static final class HostProgress {
        long last;
        long cursor;
        long[] seqs = new long[64];
        boolean[] done = new boolean[64];
        int head;
        int size;

        void add(long seq) {
            if (size == seqs.length) {
                long[] s = new long[size * 2];
                boolean[] d = new boolean[size * 2];
                for (int i = 0; i < size; i++) {
                    s[i] = seqs[(head + i) % seqs.length];
                    d[i] = done[(head + i) % seqs.length];
                }
                seqs = s;
                done = d;
                head = 0;
            }
            int at = (head + size) % seqs.length;
            seqs[at] = seq;
            done[at] = false;
            size++;
        }

        /** The ring position of {@code seq} (the ring is in increasing order), or -1. */
        int find(long seq) {
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long v = seqs[(head + mid) % seqs.length];
                if (v < seq) {
                    lo = mid + 1;
                } else if (v > seq) {
                    hi = mid - 1;
                } else {
                    return (head + mid) % seqs.length;
                }
            }
            return -1;
        }
    }

    private HostProgress of(Host host) {
        return hosts.computeIfAbsent(host, h -> new HostProgress());
    }

    /**
     * Checks that {@code seq} is after the last seq seen from {@code host} and makes it the last; when
     * {@code track}, it is also in flight until {@linkplain #complete completed}.
     *
     * @return the last seq before this one if {@code seq} does not increase (nothing changes then), else -1
     */
    public long admit(Host host, long seq, boolean track) {
        HostProgress p = of(host);
        synchronized (p) {
            if (seq <= p.last) {
                return p.last;
            }
            p.last = seq;
            if (track) {
                p.add(seq);
            }
            return -1;
        }
    }

    /**
     * Marks the frame {@code seq} of {@code host} as committed and returns the host's cursor after it: the last seq
     * below every frame still in flight. Called by the sequencer, in the order it commits results.
     */
    public long complete(Host host, long seq) {
        HostProgress p = of(host);
        synchronized (p) {
            int at = p.find(seq);
            if (at < 0) {
                if (p.size == 0) {
                    p.cursor = Math.max(p.cursor, seq);
                }
                return p.cursor;
            }
            p.done[at] = true;
            while (p.size > 0 && p.done[p.head]) {
                p.cursor = Math.max(p.cursor, p.seqs[p.head]);
                p.head = (p.head + 1) % p.seqs.length;
                p.size--;
            }
            return p.cursor;
        }
    }

    /**
     * Sets where {@code host}'s sequence resumes (frames at or below {@code cursor} are then refused by
     * {@link #admit}); frames still in flight from before stay in flight.
     */
    public void resume(Host host, long cursor) {
        HostProgress p = of(host);
        synchronized (p) {
            p.last = cursor;
            if (p.size == 0) {
                p.cursor = cursor;
            }
        }
    }

    /** The last seq admitted from {@code host} (0 if none). */
    public long last(Host host) {
        HostProgress p = hosts.get(host);
        if (p == null) {
            return 0;
        }
        synchronized (p) {
            return p.last;
        }
    }

    /** How many frames of {@code host} are in flight. */
    public int inFlight(Host host) {
        HostProgress p = hosts.get(host);
        if (p == null) {
            return 0;
        }
        synchronized (p) {
            return p.size;
        }
    }

}
