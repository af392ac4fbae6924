package dev.skein.relay.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine and this process did during a measurement: CPU of everything, load average, memory. */
final class MachineLoad {
    private final long[] start;
    private final String loadBefore;
    private final java.util.Map<String, Long> threadsBefore;

    private MachineLoad(long[] start, String loadBefore, java.util.Map<String, Long> threadsBefore) {
        this.start = start;
        this.loadBefore = loadBefore;
        this.threadsBefore = threadsBefore;
    }

    static MachineLoad start() {
        return new MachineLoad(cpuTicks(), loadAverage(), threadTicks());
    }

    /**
     * CPU time per group of this process's threads since {@link #start} (OS thread names with digits folded, so
     * "GC Thread#0" and "GC Thread#1" are one group; virtual threads show as their carriers, ForkJoinPool-1-worker),
     * the share of it spent in the kernel, and how often the threads waited (voluntary context switches: each is a
     * thread that parked or blocked and had to be woken again), in all and per group.
     */
    String threads(double seconds) {
        java.util.Map<String, Long> now = threadTicks();
        java.util.Map<String, Long> diff = new java.util.HashMap<>();
        java.util.Map<String, Long> waits = new java.util.HashMap<>();
        now.forEach((k, v) -> {
            long d = v - threadsBefore.getOrDefault(k, 0L);
            if (k.startsWith(SWITCHES + " ")) {
                waits.put(k.substring(SWITCHES.length() + 1), d);
            } else {
                diff.put(k, d);
            }
        });
        Long sys = diff.remove(SYS);
        Long switches = diff.remove(SWITCHES);
        StringBuilder sb = new StringBuilder(String.format("threads (cores; of all of them in the kernel %.2f; threads"
                + " waiting %.0f times a second):", sys == null ? 0.0 : sys / 100.0 / seconds,
                switches == null ? 0.0 : switches / seconds));
        diff.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> sb.append(String.format(" %s %.2f;", e.getKey(), e.getValue() / 100.0 / seconds)));
        sb.append(" waits a second:");
        waits.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> sb.append(String.format(" %s %.0f;", e.getKey(), e.getValue() / seconds)));
        return sb.toString();
    }

    /** CPU time of this process's JIT compiler threads so far, in nanoseconds (clock-tick resolution). */
    static long compilerNanos() {
        long ticks = 0;
        for (java.util.Map.Entry<String, Long> e : threadTicks().entrySet()) {
            // Not the sums under SYS and SWITCHES, whose per-group keys name the compiler threads too.
            if (!e.getKey().startsWith("(") && e.getKey().contains("CompilerThre")) {
                ticks += e.getValue();
            }
        }
        return ticks * 10_000_000L;
    }

    /** The key under which {@link #threadTicks} also sums every thread's kernel (system) time. */
    private static final String SYS = "(kernel)";
    /**
     * The key under which {@link #threadTicks} sums the threads' voluntary context switches (each a wait); followed by a
     * space and a group's name, the group's.
     */
    private static final String SWITCHES = "(switches)";

    /**
     * Clock ticks of user and kernel time per thread group, of kernel time alone under {@link #SYS}, and voluntary
     * context switches under {@link #SWITCHES}.
     */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    out.merge(SYS, Long.parseLong(f[12]), Long::sum);
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            long n = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            out.merge(SWITCHES, n, Long::sum);
                            out.merge(SWITCHES + " " + name, n, Long::sum);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The machine's busy share over the measurement, and the load averages before and after. */
    String stop() {
        long[] end = cpuTicks();
        long busy = end[0] - start[0];
        long all = end[1] - start[1];
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("machine: %.2f of %d cores busy (all processes); load average before %s, after %s",
                all == 0 ? 0.0 : cores * (double) busy / all, cores, loadBefore, loadAverage());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after a full collection, and the process's peak resident memory. */
    static String memory() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String hwm = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            hwm = "unknown";
        }
        return String.format("memory: heap after GC %d MB (of %d MB max), peak RSS %s", heap.getUsed() >> 20,
                heap.getMax() >> 20, hwm);
    }

    /** Heap in use after a full collection, in MB. */
    static double heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** The process's resident memory now, in MB (0 where /proc is not there). */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The one-minute load average (-1 where unknown). */
    static double loadAverage1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {busy, total} jiffies of all CPUs from /proc/stat. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
