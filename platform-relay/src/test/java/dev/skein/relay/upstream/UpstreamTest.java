package dev.skein.relay.upstream;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Handle;
import dev.skein.relay.Relay;
import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import dev.skein.relay.ingest.DropReason;
import dev.skein.relay.store.EventKind;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.LoggedEvent;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.SimAccount;
import dev.skein.relay.testing.TestRelays;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay against fake PDS hosts over real WebSockets: subscription, reconnection, errors, crawl requests. */
class UpstreamTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    @TempDir
    Path dir;

    static List<String> genesis(FakePds pds, SimAccount a) {
        pds.add(seq -> new IdentityEvent(seq, a.did(), TIME, new Handle(a.handle())));
        pds.add(seq -> new AccountEvent(seq, a.did(), TIME, true, null));
        RepoCommit first = a.create(List.of());
        pds.add(seq -> first.toEvent(seq, TIME));
        pds.add(seq -> first.toSyncEvent(seq, TIME));
        return new ArrayList<>(List.of(first.commit().rev().value()));
    }

    static String commit(FakePds pds, SimAccount a) {
        RepoCommit c = a.commit(a.posts("app.bsky.feed.post", 2));
        pds.add(seq -> c.toEvent(seq, TIME));
        return c.commit().rev().value();
    }

    /** Revs grouped by the account they belong to, told apart by the clock id at the end of each (SimAccount's). */
    static java.util.Map<String, List<String>> byAccount(List<String> revs) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String rev : revs) {
            out.computeIfAbsent(rev.substring(rev.length() - 2), k -> new ArrayList<>()).add(rev);
        }
        return out;
    }

    static List<String> loggedCommitRevs(Relay relay) {
        List<String> revs = new ArrayList<>();
        for (LoggedEvent e : relay.log().after(0, 100_000)) {
            if (e.kind() == EventKind.COMMIT) {
                revs.add(((CommitEvent) FirehoseFrame.decode(e.frame())).rev().value());
            }
        }
        return revs;
    }

    @Test
    void anUpstreamKilledAndRestartedMidStreamLosesAndDuplicatesNothing() {
        try (FakePds pds = new FakePds()) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            SimAccount bob = new SimAccount("bob", pds.url(), Curve.P256);
            plc.put(alice.document());
            plc.put(bob.document());
            List<String> expected = new ArrayList<>();
            expected.addAll(genesis(pds, alice));
            expected.addAll(genesis(pds, bob));
            for (int i = 0; i < 10; i++) {
                expected.add(commit(pds, i % 2 == 0 ? alice : bob));
            }
            Host host = Host.parse(pds.host());
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of(host)), plc)) {
                assertThat(eventually(() -> relay.log().count() == 18)).as("first batch relayed").isTrue();
                pds.stop();
                for (int i = 0; i < 10; i++) {
                    expected.add(commit(pds, i % 2 == 0 ? alice : bob));
                }
                pds.restart();
                for (int i = 0; i < 10; i++) {
                    expected.add(commit(pds, i % 2 == 0 ? alice : bob));
                }
                assertThat(eventually(() -> relay.log().count() == 38)).as("everything relayed: " + relay.log().count()).isTrue();
                // Accounts are verified in parallel: each account's commits keep their order, not the order across accounts.
                assertThat(byAccount(loggedCommitRevs(relay))).as("every commit once, each account's in order")
                        .isEqualTo(byAccount(expected));
                assertThat(pds.connections()).isGreaterThanOrEqualTo(2);
                assertThat(pds.cursors().getLast()).as("reconnected from where it was").isEqualTo(18);
                assertThat(eventually(() -> relay.hostStore().find(host).orElseThrow().cursor() == 38)).isTrue();
                assertThat(relay.metrics().droppedCount(DropReason.SEQ_NOT_INCREASING)).isZero();
                assertThat(relay.hosts().status(host).orElseThrow().status()).isEqualTo(HostStatus.ACTIVE);
            }
        }
    }

    @Test
    void aRestartedRelayResumesFromItsStoredCursor() {
        try (FakePds pds = new FakePds()) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            List<String> expected = genesis(pds, alice);
            expected.add(commit(pds, alice));
            Host host = Host.parse(pds.host());
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of(host)), plc)) {
                assertThat(eventually(() -> relay.log().count() == 5)).isTrue();
            }
            expected.add(commit(pds, alice));
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of(host)), plc)) {
                assertThat(eventually(() -> relay.log().count() == 6)).isTrue();
                assertThat(pds.cursors().getLast()).isEqualTo(5);
                assertThat(loggedCommitRevs(relay)).isEqualTo(expected);
                assertThat(relay.log().maxSeq()).hasValue(6);
            }
        }
    }

    @Test
    void aFutureCursorErrorStopsTheSubscription() {
        try (FakePds pds = new FakePds()) {
            Host host = Host.parse(pds.host());
            String url = RelayDatabase.h2FileUrl(dir.resolve("relay").toString());
            try (RelayDatabase db = RelayDatabase.open(url, "sa", "", null)) {
                new HostStore(db).save(new HostRecord(host, 0, HostStatus.ACTIVE, 10, 10, false, Instant.now(), null));
                new HostStore(db).resetCursor(host, 100);
            }
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of(host)), new FakeDidResolver())) {
                assertThat(eventually(() -> relay.metrics().droppedCount(DropReason.UPSTREAM_ERROR) == 1)).isTrue();
                assertThat(eventually(() -> relay.hosts().status(host).orElseThrow().status() == HostStatus.IDLE)).isTrue();
                int connections = pds.connections();
                assertThat(connections).isEqualTo(1);
            }
        }
    }

    @Test
    void aBrokenChainIsResynchronisedFromTheHostsGetRepo() {
        try (FakePds pds = new FakePds()) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            genesis(pds, alice);
            alice.commit(alice.posts("app.bsky.feed.post", 1));
            String after = commit(pds, alice);
            pds.repo(alice.did().value(), alice.exportCar());
            Host host = Host.parse(pds.host());
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of(host)), plc)) {
                assertThat(eventually(() -> relay.log().count() == 5)).isTrue();
                LoggedEvent last = relay.log().after(4, 1).getFirst();
                assertThat(last.kind()).isEqualTo(EventKind.SYNC);
                assertThat(((SyncEvent) FirehoseFrame.decode(last.frame())).rev().value()).isEqualTo(after);
                assertThat(relay.metrics().droppedCount(DropReason.CHAIN_BROKEN)).isEqualTo(1);
            }
        }
    }

    @Test
    void crawlRequestsAreCheckedBeforeSubscribing() {
        try (FakePds pds = new FakePds(); FakePds otherRelay = new FakePds().serverHeader("skein (atproto-relay)")) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            genesis(pds, alice);
            var s = TestRelays.settings(dir, List.of());
            s = s.withUpstream(new UpstreamSettings(100, 1000, 15, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500),
                    false, List.of(), List.of("*.banned.test"), true, java.time.Duration.ofSeconds(5), 50));
            try (Relay relay = TestRelays.start(s, plc)) {
                HostManager hosts = relay.hosts();
                assertThatThrownBy(() -> hosts.requestCrawl("not a host!", false))
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.INVALID_REQUEST));
                assertThatThrownBy(() -> hosts.requestCrawl(pds.host(), false)).as("an insecure host, asked by anyone")
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.INVALID_REQUEST));
                assertThatThrownBy(() -> hosts.requestCrawl("pds.banned.test", false))
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.HOST_BANNED));
                assertThatThrownBy(() -> hosts.requestCrawl("localhost:1", true))
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.HOST_NOT_FOUND));
                assertThatThrownBy(() -> hosts.requestCrawl(otherRelay.host(), true)).as("another relay")
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.FORBIDDEN));
                HostRecord r = hosts.requestCrawl(pds.host(), true);
                assertThat(r.ssl()).isFalse();
                assertThat(eventually(() -> relay.log().count() == 4)).isTrue();
                Host host = Host.parse(pds.host());
                hosts.ban(host);
                assertThat(hosts.status(host).orElseThrow().status()).isEqualTo(HostStatus.BANNED);
                assertThatThrownBy(() -> hosts.requestCrawl(pds.host(), true))
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.HOST_BANNED));
                assertThat(hosts.setLimits(host, 7, 9).orElseThrow().accountLimit()).isEqualTo(7);
                assertThat(hosts.accountLimit(host)).isEqualTo(7);
                assertThat(hosts.list(null, 10)).extracting(HostRecord::host).containsExactly(host);
            }
        }
    }

    /** The describeServer check and the resync's getRepo must not ask a plain-HTTP host to upgrade to HTTP/2. */
    @Test
    void aPlainHttpHostThatDropsH2cUpgradeRequestsIsCrawledAndResynchronised() {
        try (FakePds pds = new FakePds().dropH2cUpgrades()) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            genesis(pds, alice);
            alice.commit(alice.posts("app.bsky.feed.post", 1));
            String after = commit(pds, alice);
            pds.repo(alice.did().value(), alice.exportCar());
            try (Relay relay = TestRelays.start(TestRelays.settings(dir, List.of()), plc)) {
                assertThat(relay.hosts().requestCrawl(pds.host(), true).ssl()).isFalse();
                assertThat(eventually(() -> relay.log().count() == 5)).isTrue();
                LoggedEvent last = relay.log().after(4, 1).getFirst();
                assertThat(last.kind()).isEqualTo(EventKind.SYNC);
                assertThat(((SyncEvent) FirehoseFrame.decode(last.frame())).rev().value()).isEqualTo(after);
            }
        }
    }

    @Test
    void aHostOverItsRateLimitIsSlowedDownNotDropped() {
        try (FakePds pds = new FakePds()) {
            FakeDidResolver plc = new FakeDidResolver();
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            genesis(pds, alice);
            for (int i = 0; i < 8; i++) {
                commit(pds, alice);
            }
            Host host = Host.parse(pds.host());
            var s = TestRelays.settings(dir, List.of(host));
            s = s.withUpstream(new UpstreamSettings(100, 4, 15, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500),
                    true, List.of(), List.of(), true, java.time.Duration.ofSeconds(5), 50));
            try (Relay relay = TestRelays.start(s, plc)) {
                assertThat(eventually(() -> relay.hosts().status(host).orElseThrow().status() == HostStatus.THROTTLED))
                        .as("shows as throttled while held back").isTrue();
                assertThat(eventually(() -> relay.log().count() == 12)).as("and loses nothing").isTrue();
                assertThat(relay.hosts().status(host).orElseThrow().eventsPerSecond()).isEqualTo(4);
            }
        }
    }

    @Test
    void aHostThatNeverAnswersGoesOfflineAfterTheFailureLimit() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Host host = Host.parse("localhost:" + port);
        var s = TestRelays.settings(dir, List.of(host));
        s = s.withUpstream(new UpstreamSettings(100, 100, 3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50),
                true, List.of(), List.of(), true, java.time.Duration.ofSeconds(2), 50));
        try (Relay relay = TestRelays.start(s, new FakeDidResolver())) {
            assertThat(eventually(() -> relay.hosts().status(host).orElseThrow().status() == HostStatus.OFFLINE)).isTrue();
            assertThat(relay.hostStore().find(host).orElseThrow().status()).as("stored, so a restart does not retry it")
                    .isEqualTo(HostStatus.OFFLINE);
        }
    }

    @Test
    void requestCrawlTakesOnlySoManyNewHostsADay() {
        try (FakePds a = new FakePds(); FakePds b = new FakePds()) {
            var s = TestRelays.settings(dir, List.of());
            s = s.withUpstream(new UpstreamSettings(100, 100, 15, java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500),
                    true, List.of(), List.of(), true, java.time.Duration.ofSeconds(5), 1));
            try (Relay relay = TestRelays.start(s, new FakeDidResolver())) {
                relay.hosts().requestCrawl(a.host(), false);
                assertThatThrownBy(() -> relay.hosts().requestCrawl(b.host(), false))
                        .isInstanceOfSatisfying(CrawlException.class, e -> assertThat(e.reason()).isEqualTo(CrawlException.Reason.FORBIDDEN));
                relay.hosts().requestCrawl(a.host(), false);
                relay.hosts().requestCrawl(b.host(), true);
            }
        }
    }
}
