package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How fast one repository takes {@code createRecord} calls over HTTP with 8 clients at once, each waiting
 * for its answer (the benchmark shape: acknowledged means durable). Prints the figures; asserts
 * only that every call succeeded and every record is there, since timings depend on the machine.
 */
public abstract class RepoThroughputContract extends RepoContract {
    static final int CONCURRENCY = 8;
    /** Calls made first, so that the JIT has compiled the write path before measuring. */
    static final int WARMUP = 3000;
    static final int RECORDS = 2000;

    @Test
    void createRecordThroughputOnOneRepoAtConcurrency8() throws Exception {
        Session s = createAccount();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        run(http, s, WARMUP, "warm-up");
        String profile = System.getProperty("skein.profile");
        jdk.jfr.Recording recording = null;
        if (profile != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(java.nio.file.Path.of(profile));
            recording.start();
        }
        long[] latencies = run(http, s, RECORDS, "measured");
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        assertThat(snapshot(s.did()).records()).isEqualTo(WARMUP + RECORDS);
        assertThat(latencies).hasSize(RECORDS);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time so far of the live threads whose names start with {@code prefix}. */
    private static long threadCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private long[] run(HttpClient http, Session s, int count, String label) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long writerStart = threadCpuNanos("skein-pds-writer");
        long threadsStart = threadCpuNanos("");
        long clientStart = threadCpuNanos("HttpClient") + threadCpuNanos("pool-");
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        String body = JSON.writeValueAsString(input(s, POST, post(label + " " + i)));
                        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xrpc/com.atproto.repo.createRecord"))
                                .header("Authorization", "Bearer " + s.accessJwt()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("createRecord answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerRecord = (processCpuNanos() - cpuStart) / 1e6 / count;
        double writerPerRecord = (threadCpuNanos("skein-pds-writer") - writerStart) / 1e6 / count;
        double clientPerRecord = (threadCpuNanos("HttpClient") + threadCpuNanos("pool-") - clientStart) / 1e6 / count;
        double serverPerRecord = (threadCpuNanos("") - threadsStart) / 1e6 / count - clientPerRecord;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("[skein] %s %s: %d createRecord in %.2f s = %.0f/s at concurrency %d; p50 %.1f ms, p95 %.1f ms;"
                        + " CPU per record %.2f ms in the JVM (JIT and GC included), %.2f ms in server threads, of which %.2f ms"
                        + " in the repository writer, %.2f ms in the test client%n",
                getClass().getSimpleName(), label, count, seconds, count / seconds, CONCURRENCY,
                sorted[count / 2] / 1e6, sorted[count * 95 / 100] / 1e6, cpuPerRecord, serverPerRecord, writerPerRecord,
                clientPerRecord);
        return latencies;
    }
}
