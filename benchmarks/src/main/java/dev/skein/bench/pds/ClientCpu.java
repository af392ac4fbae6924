package dev.skein.bench.pds;

import java.lang.management.ManagementFactory;

/**
 * The load generator's own CPU time, reported beside a run: it shares the machine's cores with the PDS, so
 * every millisecond it spends on a call is one the PDS does not get.
 */
final class ClientCpu {
    private ClientCpu() {}

    /** The CPU time (user and system) this process has used so far, in nanoseconds. */
    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Prints the generator's CPU time per call since {@code since} (a {@link #nanos()} value). */
    static void report(String what, long since, int calls) {
        System.err.printf("[bench-pds] %s: load generator CPU %.3f ms a call%n", what, (nanos() - since) / 1e6 / calls);
    }
}
