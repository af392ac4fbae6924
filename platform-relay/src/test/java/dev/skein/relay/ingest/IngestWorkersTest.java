package dev.skein.relay.ingest;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import dev.skein.relay.identity.DidResolver;
import dev.skein.relay.identity.IdentityCache;
import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.sequencer.Sequencer;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.MemoryAccountStore;
import dev.skein.relay.testing.SimAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames of many accounts and hosts verified in parallel: each account's events stay in order, every frame has
 * exactly one result, and a host's cursor never passes a frame whose result is not committed yet.
 */
class IngestWorkersTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    @TempDir
    Path dir;

    /** Hosts with accounts and their frames, each host's in upstream order (accounts interleaved). */
    private record Network(FakeDidResolver plc, Map<Host, List<byte[]>> frames, Map<Did, List<String>> revs) {}

    private static Network network(int hosts, int accountsPerHost, int commitsPerAccount) {
        FakeDidResolver plc = new FakeDidResolver();
        Map<Host, List<byte[]>> frames = new LinkedHashMap<>();
        Map<Did, List<String>> revs = new HashMap<>();
        for (int h = 0; h < hosts; h++) {
            Host host = Host.parse("pds" + h + ".test");
            List<SimAccount> accounts = new ArrayList<>();
            List<byte[]> list = new ArrayList<>();
            for (int a = 0; a < accountsPerHost; a++) {
                SimAccount acc = new SimAccount("w-" + h + "-" + a, "https://" + host.value(), a % 2 == 0 ? Curve.K256 : Curve.P256);
                plc.put(acc.document());
                accounts.add(acc);
                RepoCommit first = acc.create(List.of());
                list.add(first.toEvent(list.size() + 1, TIME).encode());
                revs.computeIfAbsent(acc.did(), d -> new ArrayList<>()).add(first.commit().rev().value());
            }
            for (int i = 0; i < commitsPerAccount; i++) {
                for (SimAccount acc : accounts) {
                    RepoCommit c = acc.commit(acc.posts("agent.comms.message", 1 + i % 2));
                    list.add(c.toEvent(list.size() + 1, TIME).encode());
                    revs.get(acc.did()).add(c.commit().rev().value());
                }
            }
            frames.put(host, list);
        }
        return new Network(plc, frames, revs);
    }

    private static IngestProcessor processor(AccountStore store, DidResolver plc, IngestSink sink, UpstreamProgress progress) {
        IdentityCache identities = new IdentityCache(plc, Duration.ofDays(1), Duration.ZERO, Clock.systemUTC(), 100_000);
        IngestSettings settings = new IngestSettings(Duration.ofMinutes(5), 1_000, Duration.ZERO, Duration.ZERO,
                IngestSettings.DEFAULTS.repoLimits());
        RepoFetcher noRepos = (host, did) -> {
            throw new RepoFetchException(404, "no repos here");
        };
        return new IngestProcessor(new AccountTable(store), identities, noRepos, Runnable::run, h -> 100_000, sink, settings,
                Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()), progress);
    }

    /** One thread per host submits its frames in order, all at once. */
    private static void submitAll(IngestWorkers workers, Map<Host, List<byte[]>> frames) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<Host, List<byte[]>> e : frames.entrySet()) {
            threads.add(Thread.ofVirtual().start(() -> e.getValue().forEach(f -> workers.submit(e.getKey(), f))));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void eachAccountsEventsStayInOrderAndEveryFrameHasOneResult() throws Exception {
        Network net = network(3, 12, 6);
        UpstreamProgress progress = new UpstreamProgress();
        List<IngestResult> results = new ArrayList<>();
        Map<Host, Long> cursors = new HashMap<>();
        // As the sequencer does: results in the order they come, each completing its frame.
        IngestSink sink = r -> {
            synchronized (results) {
                results.add(r);
                if (r.upstreamSeq() > 0) {
                    cursors.merge(r.host(), progress.complete(r.host(), r.upstreamSeq()), Math::max);
                }
            }
        };
        IngestWorkers workers = new IngestWorkers(processor(new MemoryAccountStore(), net.plc(), sink, progress), 4, 4).start();
        submitAll(workers, net.frames());
        workers.close();

        int total = net.frames().values().stream().mapToInt(List::size).sum();
        assertThat(results).hasSize(total);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(IngestResult.Passed.class));
        Set<String> seen = new HashSet<>();
        for (IngestResult r : results) {
            assertThat(seen.add(r.host() + "#" + r.upstreamSeq())).as("one result per frame").isTrue();
        }
        Map<Did, List<String>> passed = new HashMap<>();
        for (IngestResult r : results) {
            CommitEvent c = (CommitEvent) ((IngestResult.Passed) r).event();
            passed.computeIfAbsent(c.repo(), d -> new ArrayList<>()).add(c.rev().value());
        }
        assertThat(passed).as("each account's commits in the order its host sent them").isEqualTo(net.revs());
        for (Map.Entry<Host, List<byte[]>> e : net.frames().entrySet()) {
            assertThat(cursors.get(e.getKey())).isEqualTo(e.getValue().size());
            assertThat(progress.inFlight(e.getKey())).isZero();
        }
    }

    @Test
    void aHostsStoredCursorWaitsForAFrameStillBeingVerified() throws Exception {
        Network net = network(1, 10, 3);
        Host host = net.frames().keySet().iterator().next();
        List<byte[]> frames = net.frames().get(host);
        Did slow = ((CommitEvent) dev.skein.core.firehose.FirehoseFrame.decode(frames.getFirst())).repo();
        CountDownLatch release = new CountDownLatch(1);
        DidResolver plc = did -> {
            if (did.equals(slow)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return net.plc().resolve(did);
        };
        try (RelayDatabase db = RelayDatabase.open(RelayDatabase.h2FileUrl(dir.resolve("relay").toString()), "sa", "", null)) {
            EventLog log = new EventLog(db);
            HostStore hosts = new HostStore(db);
            hosts.save(new HostRecord(host, 0, HostStatus.ACTIVE, 1_000, 1_000, true, Instant.now(), null));
            UpstreamProgress progress = new UpstreamProgress();
            Sequencer sequencer = new Sequencer(db, log, new JdbcAccountStore(db), hosts, progress, new LiveFeed(),
                    Clock.systemUTC(), 1_000, 64, new SimpleMeterRegistry());
            sequencer.start();
            IngestWorkers workers = new IngestWorkers(processor(new JdbcAccountStore(db), plc, sequencer, progress), 64, 16).start();
            Thread submitter = Thread.ofVirtual().start(() -> frames.forEach(f -> workers.submit(host, f)));

            assertThat(eventually(() -> log.count() >= 20)).as("the other accounts' commits pass meanwhile").isTrue();
            assertThat(progress.inFlight(host)).isPositive();
            assertThat(hosts.find(host).orElseThrow().cursor()).as("frame 1 is not committed: the cursor stays before it")
                    .isZero();

            release.countDown();
            submitter.join();
            assertThat(eventually(() -> log.count() == frames.size())).isTrue();
            assertThat(sequencer.awaitIdle(10_000)).isTrue();
            assertThat(eventually(() -> hosts.find(host).orElseThrow().cursor() == frames.size())).isTrue();
            workers.close();
            sequencer.close();
        }
    }

    @Test
    void aFailureOfTheRelayDropsOnlyItsFrameAndTheCursorGoesOn() throws Exception {
        Network net = network(1, 4, 2);
        Host host = net.frames().keySet().iterator().next();
        List<byte[]> frames = net.frames().get(host);
        Did broken = ((CommitEvent) dev.skein.core.firehose.FirehoseFrame.decode(frames.get(1))).repo();
        MemoryAccountStore memory = new MemoryAccountStore();
        AccountStore failing = new AccountStore() {
            @Override
            public Optional<AccountState> find(Did did) {
                if (did.equals(broken)) {
                    throw new IllegalStateException("the database is gone");
                }
                return memory.find(did);
            }

            @Override
            public Map<Host, Long> countByHost() {
                return memory.countByHost();
            }

            @Override
            public List<AccountState> desynchronized(int limit) {
                return memory.desynchronized(limit);
            }
        };
        UpstreamProgress progress = new UpstreamProgress();
        List<IngestResult> results = new ArrayList<>();
        long[] cursor = {0};
        Consumer<IngestResult> record = r -> {
            synchronized (results) {
                results.add(r);
                cursor[0] = Math.max(cursor[0], progress.complete(r.host(), r.upstreamSeq()));
            }
        };
        IngestWorkers workers = new IngestWorkers(processor(failing, net.plc(), record::accept, progress), 2, 4).start();
        submitAll(workers, net.frames());
        workers.close();

        assertThat(results).hasSize(frames.size());
        List<IngestResult> failed = results.stream().filter(r -> r instanceof IngestResult.Dropped).toList();
        assertThat(failed).isNotEmpty().allSatisfy(r -> {
            assertThat(((IngestResult.Dropped) r).reason()).isEqualTo(DropReason.INTERNAL_ERROR);
            assertThat(((IngestResult.Dropped) r).did()).isEqualTo(broken);
        });
        assertThat(results.size() - failed.size()).as("the other accounts' frames all pass")
                .isEqualTo(frames.size() - net.revs().get(broken).size());
        assertThat(cursor[0]).isEqualTo(frames.size());
    }
}
