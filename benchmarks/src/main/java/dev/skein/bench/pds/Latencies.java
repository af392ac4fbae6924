package dev.skein.bench.pds;

import java.util.Arrays;

/** Durations in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {
    private final long[] nanos;

    Latencies(long[] nanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    int count() {
        return nanos.length;
    }

    /** The {@code p}-th percentile (0 to 100) in milliseconds, nearest rank. */
    double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }
}
