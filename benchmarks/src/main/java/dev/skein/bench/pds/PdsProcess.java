package dev.skein.bench.pds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PDS under test, seen from outside: its URL and, when known, its process id, from which the load
 * generator reads resident memory ({@code VmRSS} of {@code /proc/<pid>/status}) and CPU time. Either a
 * {@code skein.jar} started here as its own process (roles {@code plc,pds}, random ports, a fresh data
 * directory, rate limits raised far above the load) or a PDS already running.
 */
final class PdsProcess implements AutoCloseable {
    /** {@code /proc} counts CPU time in clock ticks: {@code getconf CLK_TCK}, 100 on Linux. */
    private static final long CLOCK_TICKS = 100;
    private static final Pattern JIT_THREAD = Pattern.compile("C\\d CompilerThre.*");
    private static final Pattern PDS_LINE = Pattern.compile("Skein pds: (http://[^/\\s]+)/");

    private final URI url;
    private final OptionalLong pid;
    private final Process process;

    private PdsProcess(URI url, OptionalLong pid, Process process) {
        this.url = url;
        this.pid = pid;
        this.process = process;
    }

    /** A PDS already running at {@code url}, with its process id if given. */
    static PdsProcess running(URI url, OptionalLong pid) {
        return new PdsProcess(url, pid, null);
    }

    /**
     * Starts {@code java -jar jar --skein.roles=plc,pds} with its data in {@code dataDir}, on PostgreSQL when
     * {@code jdbcUrl} is given (in schema {@code dbSchema}, which the PDS creates), and waits for the line that says where the PDS listens.
     */
    static PdsProcess start(Path java, Path jar, Path dataDir, List<String> jvmOptions, Optional<String> jdbcUrl,
                            String dbUser, String dbPassword, String dbSchema) throws IOException {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(),
                "--skein.roles=plc,pds", "--server.port=0", "--skein.data-dir=" + dataDir,
                "--skein.pds.rate-limits.per-ip=1000000000",
                "--skein.pds.rate-limits.write-points-per-hour=1000000000",
                "--skein.pds.rate-limits.write-points-per-day=1000000000"));
        if (jdbcUrl.isPresent()) {
            cmd.add("--skein.pds.datasource.url=" + jdbcUrl.get());
            cmd.add("--skein.pds.datasource.username=" + dbUser);
            cmd.add("--skein.pds.datasource.password=" + dbPassword);
            cmd.add("--skein.pds.datasource.schema=" + dbSchema);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        Path log = dataDir.resolve("pds.log");
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("pds-log").start(() -> copyLog(p, log, found));
        try {
            URI url = found.get(180, TimeUnit.SECONDS);
            return new PdsProcess(url, OptionalLong.of(p.pid()), p);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("the PDS did not start (see " + log + ")", e);
        }
    }

    private static void copyLog(Process p, Path log, CompletableFuture<URI> found) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = PDS_LINE.matcher(line);
                if (m.find()) {
                    found.complete(URI.create(m.group(1)));
                }
            }
            found.completeExceptionally(new IOException("the PDS exited with " + p.waitFor()));
        } catch (IOException | InterruptedException e) {
            found.completeExceptionally(e);
        }
    }

    URI url() {
        return url;
    }

    /** Whether the process has JIT compiler threads of its own ({@code C1}/{@code C2 CompilerThread}: a JVM). */
    boolean separatesJit() {
        return measurable() && !cpu().jit().isEmpty();
    }

    boolean measurable() {
        return pid.isPresent();
    }

    /** Resident memory in MiB, from {@code /proc/<pid>/status}. */
    double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid.orElseThrow()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /**
     * CPU time so far (user and system) of each of the process's live threads, from
     * {@code /proc/<pid>/task/<tid>/stat}, in clock ticks.
     */
    CpuSnapshot cpu() {
        Map<String, Long> jit = new HashMap<>();
        Map<String, Long> work = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid.orElseThrow()), "task");
        try (var threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                String tid = t.getFileName().toString();
                (JIT_THREAD.matcher(name).matches() ? jit : work).put(tid, ticks);
                names.put(tid, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CpuSnapshot(work, jit, names);
    }

    /** Per-thread CPU ticks: the JIT compiler's threads apart from the others; and each thread's name. */
    record CpuSnapshot(Map<String, Long> work, Map<String, Long> jit, Map<String, String> names) {
        /**
         * The CPU time spent since {@code before} by the threads alive now (a thread that ended meanwhile
         * is missed, one that started counts whole).
         */
        CpuTime since(CpuSnapshot before) {
            Map<String, Long> byName = new TreeMap<>();
            for (Map<String, Long> group : List.of(work, jit)) {
                Map<String, Long> then = group == work ? before.work : before.jit;
                group.forEach((tid, ticks) -> byName.merge(names.get(tid).replaceAll("\\d+", "#"),
                        ticks - then.getOrDefault(tid, 0L), Long::sum));
            }
            Map<String, Duration> threads = new LinkedHashMap<>();
            byName.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> threads.put(e.getKey(), Duration.ofMillis(e.getValue() * 1000 / CLOCK_TICKS)));
            return new CpuTime(ticks(work, before.work), ticks(jit, before.jit), threads);
        }

        private static Duration ticks(Map<String, Long> now, Map<String, Long> then) {
            long sum = 0;
            for (Map.Entry<String, Long> e : now.entrySet()) {
                sum += e.getValue() - then.getOrDefault(e.getKey(), 0L);
            }
            return Duration.ofMillis(sum * 1000 / CLOCK_TICKS);
        }
    }

    /**
     * CPU time of the JIT compiler's threads and of every other thread. Under a heavy machine load the
     * compiler, starved, keeps compiling long after a warm-up, so {@code work} is what says what calls cost.
     */
    record CpuTime(Duration work, Duration jit, Map<String, Duration> threads) {
        /** The threads' CPU per call in ms, by thread name (digits replaced by {@code #}), busiest first. */
        String perCall(int calls) {
            StringBuilder b = new StringBuilder();
            threads.forEach((name, d) -> {
                double ms = d.toNanos() / 1e6 / calls;
                if (ms >= 0.005) {
                    b.append(b.isEmpty() ? "" : ", ").append(name).append(String.format(" %.3f", ms));
                }
            });
            return b.toString();
        }
    }

    /**
     * Waits until the process is quiet: less than {@code idleShare} of a core of CPU (every thread, the JIT
     * compiler's included) over one second, or {@code max} has passed. After a warm-up the JIT compiler keeps
     * compiling for a long while (on 2 cores one C2 thread works through a queue of methods of 0.1–0.9 s each), and
     * a measured run that starts meanwhile measures the compiler's backlog as much as the server; a server that has
     * run for a while has none. A process that is not measurable (its pid unknown) is not waited for.
     *
     * @return how long it took
     */
    Duration awaitQuiet(double idleShare, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        if (!measurable()) {
            return Duration.ZERO;
        }
        while (System.nanoTime() - start < max.toNanos()) {
            CpuSnapshot before = cpu();
            Thread.sleep(1000);
            CpuTime used = cpu().since(before);
            if (used.work().plus(used.jit()).toMillis() < idleShare * 1000) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The 1-minute load average of the machine. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
