package dev.skein.relay.load;

import dev.skein.core.crypto.Curve;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.relay.Relay;
import dev.skein.relay.RelaySettings;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.DropReason;
import dev.skein.relay.stream.SubscribeRepos;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.SimAccount;
import dev.skein.relay.testing.TestRelays;
import dev.skein.relay.upstream.UpstreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A load generator for the relay (not a test: run it by hand): {@code hosts} simulated PDS hosts with
 * {@code accounts} accounts each make {@code commits} real signed commits (one record each) in total; the relay
 * ingests them with full verification while {@code consumers} subscribeRepos consumers read everything. Prints
 * verified commits per second, and whether every consumer got every event.
 *
 * <p>args: hosts accounts-per-host commits consumers
 */
public final class RelayLoadGenerator {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    private RelayLoadGenerator() {}

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int commits = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int consumers = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        FakeDidResolver plc = new FakeDidResolver();
        List<FakePds> pdses = new ArrayList<>();
        List<List<SimAccount>> accounts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int h = 0; h < hosts; h++) {
            FakePds pds = new FakePds();
            pdses.add(pds);
            List<SimAccount> list = new ArrayList<>();
            for (int a = 0; a < perHost; a++) {
                SimAccount acc = new SimAccount("load-" + h + "-" + a, pds.url(), a % 2 == 0 ? Curve.K256 : Curve.P256);
                plc.put(acc.document());
                RepoCommit first = acc.create(List.of());
                pds.add(seq -> first.toEvent(seq, TIME));
                list.add(acc);
            }
            accounts.add(list);
        }
        for (int i = 0; i < commits; i++) {
            int h = i % hosts;
            SimAccount acc = accounts.get(h).get((i / hosts) % perHost);
            RepoCommit c = acc.commit(acc.posts("agent.comms.message", 1));
            pdses.get(h).add(seq -> c.toEvent(seq, TIME));
        }
        int total = hosts * perHost + commits;
        System.out.printf("generated %d frames in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);

        Path dir = Files.createTempDirectory("relay-load");
        RelaySettings s = TestRelays.settings(dir, List.of());
        s = s.withUpstream(new UpstreamSettings(1_000_000, 1_000_000, 15, Duration.ofMillis(50), Duration.ofMillis(500),
                true, List.of(), List.of(), true, Duration.ofSeconds(5), 50)).withConsumerBuffer(1_000_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Relay relay = Relay.start(s, plc, registry, Clock.systemUTC())) {
            SubscribeRepos stream = new SubscribeRepos(relay.log(), relay.feed(), Schedulers.boundedElastic(), 1_000_000);
            AtomicLong received = new AtomicLong();
            List<Disposable> subs = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                subs.add(stream.frames(null).subscribe(f -> received.incrementAndGet()));
            }
            long start = System.nanoTime();
            for (FakePds p : pdses) {
                relay.hosts().requestCrawl(p.host(), true);
            }
            while (relay.log().count() < total) {
                Thread.sleep(20);
                if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                    break;
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            long logged = relay.log().count();
            System.out.printf("relayed %d of %d events (all verified) in %.2f s: %.0f events/s%n", logged, total, secs, logged / secs);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.get() < (long) consumers * total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("%d consumers received %d of %d events%n", consumers, received.get(), (long) consumers * total);
            var commitTimer = registry.get("skein.relay.sequencer.commit").timer();
            System.out.printf("sequencer: %d transactions, %.1f events each, %.2f ms each on average%n", commitTimer.count(),
                    (double) logged / Math.max(1, commitTimer.count()), commitTimer.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
            for (DropReason r : DropReason.values()) {
                if (relay.metrics().droppedCount(r) > 0) {
                    System.out.printf("dropped %s: %d%n", r.metricTag(), relay.metrics().droppedCount(r));
                }
            }
            subs.forEach(Disposable::dispose);
            latency(relay, pdses, accounts, stream);
        }
        pdses.forEach(FakePds::close);
        System.exit(0);
    }

    /**
     * Live latency: commits added to the PDSes at about 1,000 a second, each timed from the moment the PDS has it to
     * the moment an (in-process) subscribeRepos consumer of the relay gets it, verified and sequenced.
     */
    static void latency(Relay relay, List<FakePds> pdses, List<List<SimAccount>> accounts, SubscribeRepos stream)
            throws InterruptedException {
        java.util.concurrent.ConcurrentHashMap<String, Long> sent = new java.util.concurrent.ConcurrentHashMap<>();
        List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
        Disposable sub = stream.frames(null).subscribe(f -> {
            if (dev.skein.core.firehose.FirehoseFrame.decode(f) instanceof dev.skein.core.firehose.CommitEvent c) {
                Long t = sent.remove(c.rev().value());
                if (t != null) {
                    micros.add((System.nanoTime() - t) / 1000);
                }
            }
        });
        int n = 3000;
        List<RepoCommit> commits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimAccount acc = accounts.get(i % pdses.size()).get(i % accounts.getFirst().size());
            commits.add(acc.commit(acc.posts("agent.comms.message", 1)));
        }
        for (int i = 0; i < n; i++) {
            RepoCommit c = commits.get(i);
            sent.put(c.commit().rev().value(), System.nanoTime());
            pdses.get(i % pdses.size()).add(seq -> c.toEvent(seq, TIME));
            if (i % 10 == 9) {
                Thread.sleep(10);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (micros.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        sub.dispose();
        List<Long> sorted = new ArrayList<>(micros);
        java.util.Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("latency: nothing received");
            return;
        }
        System.out.printf("latency PDS -> relay -> consumer over %d commits: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 9 / 10) / 1000.0,
                sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0);
    }
}
