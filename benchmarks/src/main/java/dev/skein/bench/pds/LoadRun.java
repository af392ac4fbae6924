package dev.skein.bench.pds;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code total} calls made by {@code concurrency} clients at once, each client making its next call as soon
 * as the previous one answered (a closed loop, as the reference figures were taken). Records each call's
 * latency, the wall time, the PDS's CPU time over the run, the load generator's own (its clients, HTTP
 * client and firehose probe share the machine's cores with the PDS) and the load average at its end.
 */
final class LoadRun {
    /** One call; {@code client} is the caller's number (0 to concurrency - 1), {@code i} the call's (0 to total - 1). */
    @FunctionalInterface
    interface Call {
        void run(int client, int i) throws Exception;
    }

    /** What a run measured. */
    record Result(int calls, Duration wall, Latencies latencies, PdsProcess.CpuTime pdsCpu, Duration generatorCpu,
                  double loadAverage) {
        double perSecond() {
            return calls / (wall.toNanos() / 1e9);
        }

        /** The PDS's CPU time per call in milliseconds, JIT compiler excluded; NaN when its process is not known. */
        double cpuMsPerCall() {
            return pdsCpu == null ? Double.NaN : pdsCpu.work().toNanos() / 1e6 / calls;
        }

        /** The JIT compiler's CPU time over the run per call in milliseconds; NaN when the process is not known. */
        double jitMsPerCall() {
            return pdsCpu == null ? Double.NaN : pdsCpu.jit().toNanos() / 1e6 / calls;
        }

        /** The load generator's CPU time per call in milliseconds, every thread of its JVM included. */
        double generatorMsPerCall() {
            return generatorCpu.toNanos() / 1e6 / calls;
        }
    }

    private LoadRun() {}

    static Result run(PdsProcess pds, int total, int concurrency, Call call) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        PdsProcess.CpuSnapshot cpuBefore = pds.measurable() ? pds.cpu() : null;
        long generatorBefore = ownCpuNanos();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long t0 = System.nanoTime();
                        call.run(client, i);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        PdsProcess.CpuTime cpu = cpuBefore == null ? null : pds.cpu().since(cpuBefore);
        Duration generator = Duration.ofNanos(ownCpuNanos() - generatorBefore);
        return new Result(total, wall, new Latencies(latencies), cpu, generator, PdsProcess.loadAverage());
    }

    /** This JVM's CPU time so far, every thread (the JIT compiler's and the collector's too). */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
