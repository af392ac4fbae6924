package dev.skein.relay.load;

import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Datetime;
import dev.skein.relay.Relay;
import dev.skein.relay.RelaySettings;
import dev.skein.relay.ingest.DropReason;
import dev.skein.relay.stream.SubscribeRepos;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.TestRelays;
import dev.skein.relay.upstream.UpstreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A load generator for the relay (not a test: run it by hand, see docs/benchmarks.md). Simulated PDS hosts
 * ({@link FakePds}, in this JVM, over real WebSocket connections on localhost) serve real signed commits of
 * simulated accounts ({@link LoadAccount}: 1 to 3 operations each, creates, updates and deletes, with their MST
 * proof blocks; {@link LoadData}); the relay ingests them with full verification. Each run starts a relay on a fresh
 * database, and the hosts serve their backlog again from the start:
 * <ol>
 *   <li>when consumers are measured, warm-up runs with them, whose figures are printed but not counted, until the JIT
 *       compiler's threads take less than a tenth of the process's CPU (at most {@value #MAX_WARMUP_PASSES} runs): the
 *       two runs compared next then both have their hot paths compiled, so that their difference is the consumers'
 *       cost and not the JIT's warm-up;</li>
 *   <li>throughput with {@code consumers} in-process {@code subscribeRepos} consumers reading everything;</li>
 *   <li>throughput without consumers: verified commits per second, overall, per second, and over the last 60 % of
 *       the events (the sustained rate, once the JIT and the accounts' key tables are warm), process CPU per commit
 *       and per thread, memory, and whether anything was dropped; the two runs' sustained rates give the consumers'
 *       effect on ingest;</li>
 *   <li>latency, on the second relay: commits added to the hosts at a fixed rate, each timed from the moment its
 *       PDS has it to the moment a consumer of the relay gets it, verified and sequenced (p50, p90, p99).</li>
 * </ol>
 * The figures end the output as {@code RESULT name value} lines ({@link Result}), which
 * {@code scripts/bench-relay.sh} turns into a table.
 *
 * <p>Options (all {@code --name value}): {@code hosts} (4), {@code accounts} per host (500), {@code commits} in total
 * (300000), {@code consumers} (100), {@code latency-rate} commits/s (1000), {@code latency-seconds} (10),
 * {@code cache} a directory to keep the generated commits in for later runs with the same options,
 * {@code dump} a directory to write the hosts' frames to for {@code interop-node/relay-ts-verify.mjs}
 * ({@code frames.bin}: each frame as a 4-byte big-endian length and its bytes, hosts interleaved;
 * {@code dids.json}: each account's DID document), {@code dump-frames} how many (20000), {@code dump-only} to stop
 * after dumping.
 */
public final class RelayLoadGenerator {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    /** Warm-up passes at most (each a whole backlog with the consumers). */
    private static final int MAX_WARMUP_PASSES = 4;

    private RelayLoadGenerator() {}

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        long t0 = System.nanoTime();
        LoadData data = o.cache() == null ? null : LoadData.load(o.cache(), o);
        if (data == null) {
            data = LoadData.generate(o);
            if (o.cache() != null) {
                data.save(o.cache(), o);
            }
            System.out.printf("generated the commits in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("read the commits from %s in %.1f s%n", o.cache(), (System.nanoTime() - t0) / 1e9);
        }
        int total = data.backlogFrames();
        System.out.printf("%d frames (%d accounts on %d hosts, %.0f bytes a frame on average, %.0f MB)%n", total,
                data.accounts().size(), o.hosts(), (double) data.backlogBytes() / total, data.backlogBytes() / 1e6);
        FakeDidResolver plc = new FakeDidResolver();
        List<FakePds> pdses = new ArrayList<>();
        for (int h = 0; h < o.hosts(); h++) {
            FakePds pds = new FakePds();
            data.backlog().get(h).forEach(pds::addRaw);
            pdses.add(pds);
        }
        List<DidDocument> docs = new ArrayList<>();
        for (LoadData.Account a : data.accounts()) {
            docs.add(a.document(pdses.get(a.host()).url()));
        }
        docs.forEach(plc::put);
        System.out.println("before the relay starts (the generator's frames): " + MachineLoad.memory());
        if (o.dump() != null) {
            FrameDump.writeFrames(o.dump(), data.backlog(), docs, o.dumpFrames());
            if (o.dumpOnly()) {
                pdses.forEach(FakePds::close);
                System.exit(0);
            }
        }

        Result result = new Result();
        result.put("commits", total);
        result.put("generator_heap_mb", MachineLoad.heapAfterGcMb());
        if (o.consumers() > 0) {
            // Without it the run with consumers, coming first, also paid for the JIT's warm-up: about 30 us of CPU a
            // commit more, besides the compiler threads' own, where the fan-out to 100 consumers costs about 6 us.
            // With consumers, so that it warms their path too.
            // One pass was not enough once the relay got fast: at 12,000 commits/s a pass lasts 8 s, and the C2
            // compiler still took 0.24 of a core through the measured run with consumers (0.07 in the run without,
            // which comes after it), so passes go on until the compiler takes under a tenth of the process's CPU.
            for (int pass = 1; ; pass++) {
                System.out.printf("%n== warm-up %d: throughput with %d subscribeRepos consumers (not counted) ==%n", pass,
                        o.consumers());
                Throughput w = withConsumers(plc, pdses, total, o.consumers()).throughput();
                double jitShare = 1 - w.noJitUsPerEvent() / w.cpuUsPerEvent();
                if (jitShare < 0.1 || pass >= MAX_WARMUP_PASSES) {
                    break;
                }
            }
            System.out.printf("%n== throughput with %d subscribeRepos consumers ==%n", o.consumers());
            Consumed c = withConsumers(plc, pdses, total, o.consumers());
            result.put("consumers", o.consumers());
            result.put("consumers_rate", c.throughput().steadyRate());
            result.put("consumers_cpu_us", c.throughput().cpuUsPerEvent());
            result.put("consumers_cpu_us_no_jit", c.throughput().noJitUsPerEvent());
            result.put("consumers_all_received", c.allReceived() ? 1 : 0);
            result.put("consumers_dropped", c.throughput().dropped());
        }
        System.out.printf("%n== throughput without consumers ==%n");
        try (Started started = startRelay(plc)) {
            Relay relay = started.relay();
            Throughput t = throughput(started, pdses, total);
            result.put("rate", t.steadyRate());
            result.put("rate_overall", t.overallRate());
            result.put("cpu_us", t.cpuUsPerEvent());
            result.put("cpu_us_no_jit", t.noJitUsPerEvent());
            result.put("cores", t.cores());
            result.put("dropped", t.dropped());
            result.put("batch", t.batch());
            result.put("rss_mb", MachineLoad.rssMb());
            result.put("heap_mb", MachineLoad.heapAfterGcMb());
            SubscribeRepos stream = new SubscribeRepos(relay.log(), relay.feed(), Schedulers.boundedElastic(), 1_000_000);
            latency(pdses, data.live(), stream, o, result);
        }
        result.put("load_average", MachineLoad.loadAverage1());
        result.print();
        pdses.forEach(FakePds::close);
        System.exit(0);
    }

    /** A relay of the load generator, on a fresh database, with the registry its timers are in. */
    private record Started(Relay relay, SimpleMeterRegistry registry) implements AutoCloseable {
        @Override
        public void close() {
            relay.close();
        }
    }

    /** A run with consumers: its throughput, and whether every consumer received every event. */
    private record Consumed(Throughput throughput, boolean allReceived) {}

    /** Runs a fresh relay through the backlog with {@code consumers} in-process subscribeRepos consumers reading it all. */
    private static Consumed withConsumers(FakeDidResolver plc, List<FakePds> pdses, int total, int consumers) throws Exception {
        try (Started started = startRelay(plc)) {
            Relay relay = started.relay();
            SubscribeRepos stream = new SubscribeRepos(relay.log(), relay.feed(), Schedulers.boundedElastic(), 1_000_000);
            AtomicLongArray received = new AtomicLongArray(consumers);
            List<Disposable> subs = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                int i = c;
                subs.add(stream.frames(null).subscribe(f -> received.incrementAndGet(i)));
            }
            Throughput t = throughput(started, pdses, total);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (min(received) < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("%d consumers: each received %d to %d of %d events%n", consumers, min(received),
                    max(received), total);
            subs.forEach(Disposable::dispose);
            return new Consumed(t, min(received) == total);
        }
    }

    private static Started startRelay(FakeDidResolver plc) throws java.io.IOException {
        Path dir = Files.createTempDirectory("relay-load");
        RelaySettings s = TestRelays.settings(dir, List.of());
        s = s.withUpstream(new UpstreamSettings(1_000_000, 1_000_000, 15, Duration.ofMillis(50), Duration.ofMillis(500),
                true, List.of(), List.of(), true, Duration.ofSeconds(5), 50)).withConsumerBuffer(1_000_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new Started(Relay.start(s, plc, registry, Clock.systemUTC()), registry);
    }

    /**
     * What a throughput run measured over its steady part.
     *
     * @param cpuUsPerEvent this process's CPU time per event (every thread: relay, fake hosts, consumers, JIT, GC)
     * @param noJitUsPerEvent the same without the JIT compiler's threads, which a relay running for long no longer
     *     keeps busy
     */
    record Throughput(double steadyRate, double overallRate, double cpuUsPerEvent, double noJitUsPerEvent, double cores,
                      long dropped, double batch) {}

    /** Connects the relay to every host at once and watches it work through their backlogs. */
    private static Throughput throughput(Started started, List<FakePds> pdses, int total) throws InterruptedException {
        Relay relay = started.relay();
        MachineLoad load = MachineLoad.start();
        long cpu0 = MachineLoad.processCpuNanos();
        long jit0 = MachineLoad.compilerNanos();
        long start = System.nanoTime();
        for (FakePds p : pdses) {
            relay.hosts().requestCrawl(p.host(), true);
        }
        List<Long> perSecond = new ArrayList<>();
        long last = 0;
        long nextSample = start + TimeUnit.SECONDS.toNanos(1);
        // The steady part: from when 40 % of the events are through (by then the JIT has compiled the hot code and every
        // account's key has its tables).
        long steadyAt = 0;
        long steadyEvents = 0;
        long steadyCpu = 0;
        long steadyJit = 0;
        MachineLoad steadyLoad = null;
        while (relay.sequencer().lastSeq() < total && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(5);
            if (steadyAt == 0 && relay.sequencer().lastSeq() >= total * 2L / 5) {
                steadyAt = System.nanoTime();
                steadyEvents = relay.sequencer().lastSeq();
                steadyCpu = MachineLoad.processCpuNanos();
                steadyJit = MachineLoad.compilerNanos();
                steadyLoad = MachineLoad.start();
            }
            if (System.nanoTime() >= nextSample) {
                long now = relay.sequencer().lastSeq();
                perSecond.add(now - last);
                last = now;
                nextSample += TimeUnit.SECONDS.toNanos(1);
            }
        }
        long end = System.nanoTime();
        long endCpu = MachineLoad.processCpuNanos();
        long endJit = MachineLoad.compilerNanos();
        double secs = (end - start) / 1e9;
        double cpu = (endCpu - cpu0) / 1e9;
        long logged = relay.sequencer().lastSeq();
        System.out.printf("relayed %d of %d events (all verified) in %.2f s: %.0f events/s overall%n", logged, total, secs, logged / secs);
        double steadySecs = (end - steadyAt) / 1e9;
        double steadyRate = (logged - steadyEvents) / steadySecs;
        double cpuPerEvent = (endCpu - steadyCpu) / 1e3 / Math.max(1, logged - steadyEvents);
        double cores = (endCpu - steadyCpu) / 1e9 / steadySecs;
        double noJitPerEvent = (endCpu - steadyCpu - (endJit - steadyJit)) / 1e3 / Math.max(1, logged - steadyEvents);
        System.out.printf("steady (the last 60 %% of the events, %.1f s): %.0f events/s, process CPU %.0f us per event"
                + " (%.0f us without the JIT compiler's threads; %.2f cores)%n", steadySecs, steadyRate, cpuPerEvent,
                noJitPerEvent, cores);
        if (steadyLoad != null) {
            System.out.println("steady " + steadyLoad.threads(steadySecs) + " " + steadyLoad.stop());
        }
        List<Long> full = perSecond.size() > 2 ? perSecond.subList(1, perSecond.size() - 1) : perSecond;
        List<Long> sorted = new ArrayList<>(full);
        sorted.sort(null);
        System.out.printf("per second (first and last partial seconds left out, %d s): median %d, min %d, max %d; all: %s%n",
                sorted.size(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), sorted.isEmpty() ? 0 : sorted.getFirst(),
                sorted.isEmpty() ? 0 : sorted.getLast(), perSecond);
        System.out.printf("process CPU: %.1f s over %.1f s wall (%.2f cores), %.0f us per event; %s%n", cpu, secs, cpu / secs,
                cpu * 1e6 / Math.max(1, logged), load.stop());
        System.out.println(load.threads(secs));
        var commitTimer = started.registry().get("skein.relay.sequencer.commit").timer();
        double batch = (double) logged / Math.max(1, commitTimer.count());
        System.out.printf("sequencer: %d transactions, %.1f events each, %.2f ms each on average%n", commitTimer.count(),
                batch, commitTimer.mean(TimeUnit.MILLISECONDS));
        long dropped = 0;
        for (DropReason r : DropReason.values()) {
            if (relay.metrics().droppedCount(r) > 0) {
                System.out.printf("dropped %s: %d%n", r.metricTag(), relay.metrics().droppedCount(r));
                dropped += relay.metrics().droppedCount(r);
            }
        }
        System.out.println(MachineLoad.memory());
        return new Throughput(steadyRate, logged / secs, cpuPerEvent, noJitPerEvent, cores, dropped, batch);
    }

    /**
     * Live latency: commits added to the hosts at a fixed rate (round-robin), each timed from the moment its PDS has
     * it to the moment an in-process subscribeRepos consumer of the relay gets it, verified and sequenced.
     */
    static void latency(List<FakePds> pdses, List<List<byte[]>> live, SubscribeRepos stream, LoadOptions o, Result result)
            throws InterruptedException {
        int n = live.stream().mapToInt(List::size).sum();
        if (n == 0) {
            return;
        }
        List<byte[]> frames = new ArrayList<>();
        List<FakePds> to = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; frames.size() < n; i++) {
            for (int h = 0; h < live.size(); h++) {
                if (i < live.get(h).size()) {
                    CommitEvent c = (CommitEvent) FirehoseFrame.decode(live.get(h).get(i));
                    frames.add(live.get(h).get(i));
                    to.add(pdses.get(h));
                    keys.add(c.repo().value() + c.rev().value());
                }
            }
        }
        ConcurrentHashMap<String, Long> sent = new ConcurrentHashMap<>();
        long[] micros = new long[n];
        AtomicLong got = new AtomicLong();
        Disposable sub = stream.frames(null).subscribe(f -> {
            if (FirehoseFrame.decode(f) instanceof CommitEvent c) {
                Long t = sent.remove(c.repo().value() + c.rev().value());
                if (t != null) {
                    long i = got.getAndIncrement();
                    if (i < n) {
                        micros[(int) i] = (System.nanoTime() - t) / 1000;
                    }
                }
            }
        });
        MachineLoad load = MachineLoad.start();
        long cpu0 = MachineLoad.processCpuNanos();
        long jit0 = MachineLoad.compilerNanos();
        long start = System.nanoTime();
        long step = 1_000_000_000L / o.latencyRate();
        for (int i = 0; i < n; i++) {
            long due = start + i * step;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.put(keys.get(i), System.nanoTime());
            to.get(i).addRaw(frames.get(i));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (got.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long cpu = MachineLoad.processCpuNanos() - cpu0;
        long jit = MachineLoad.compilerNanos() - jit0;
        sub.dispose();
        int count = (int) Math.min(n, got.get());
        // At a rate the relay keeps up with, its threads wait between commits: this CPU per commit includes what
        // waking them costs, which a relay working through a backlog hardly pays.
        double cpuUs = cpu / 1e3 / Math.max(1, count);
        double noJitUs = (cpu - jit) / 1e3 / Math.max(1, count);
        System.out.printf("latency run: process CPU %.0f us per commit (every thread, the generator's too; %.0f us without"
                + " the JIT compiler's threads)%n", cpuUs, noJitUs);
        System.out.println("latency run " + load.threads(secs) + " " + load.stop());
        result.put("latency_cpu_us", cpuUs);
        result.put("latency_cpu_us_no_jit", noJitUs);
        long[] sorted = java.util.Arrays.copyOf(micros, count);
        java.util.Arrays.sort(sorted);
        if (count == 0) {
            System.out.println("latency: nothing received");
            return;
        }
        double p50 = sorted[count / 2] / 1000.0;
        double p90 = sorted[count * 90 / 100] / 1000.0;
        double p99 = sorted[Math.min(count - 1, count * 99 / 100)] / 1000.0;
        System.out.printf("latency PDS -> relay -> consumer, %d commits at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                count, o.latencyRate(), p50, p90, p99, sorted[count - 1] / 1000.0);
        result.put("latency_rate", o.latencyRate());
        result.put("latency_received", count);
        result.put("latency_p50_ms", p50);
        result.put("latency_p90_ms", p90);
        result.put("latency_p99_ms", p99);
    }

    private static long min(AtomicLongArray a) {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < a.length(); i++) {
            m = Math.min(m, a.get(i));
        }
        return a.length() == 0 ? 0 : m;
    }

    private static long max(AtomicLongArray a) {
        long m = 0;
        for (int i = 0; i < a.length(); i++) {
            m = Math.max(m, a.get(i));
        }
        return m;
    }
}
