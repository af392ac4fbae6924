package dev.skein.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.AccountStatus;
import dev.skein.relay.ingest.DropReason;
import dev.skein.relay.ingest.IngestResult;
import dev.skein.relay.ingest.SyncState;
import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.sequencer.RetentionJob;
import dev.skein.relay.sequencer.Sequencer;
import dev.skein.relay.testing.SimAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the stores and the sequencer must do on every database: run by an H2 and a PostgreSQL subclass. */
abstract class StoreContract {
    static final Host A = Host.parse("pds-a.test");
    static final Host B = Host.parse("pds-b.test");

    /** A fresh, migrated, empty database for one test. */
    abstract RelayDatabase db();

    @Test
    void eventsAreReadBackInOrderAndTrimmedToTheWindow() {
        RelayDatabase db = db();
        EventLog log = new EventLog(db);
        assertThat(log.maxSeq()).isEmpty();
        List<LoggedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(new LoggedEvent(i, new Did("did:plc:abc" + i), EventKind.IDENTITY, 1_000L * i, i % 3 + 1, new byte[] {(byte) i}));
        }
        db.tx().executeWithoutResult(s -> log.append(events));
        assertThat(log.maxSeq()).hasValue(10);
        assertThat(log.minSeq()).hasValue(1);
        assertThat(log.maxTimeUs()).hasValue(10_000L + 2);
        assertThat(log.after(3, 4)).extracting(LoggedEvent::seq).containsExactly(4L, 5L, 6L, 7L);
        assertThat(log.range(3, 5, 100)).extracting(LoggedEvent::seq).containsExactly(4L, 5L);
        LoggedEvent e = log.after(6, 1).getFirst();
        assertThat(e.did().value()).isEqualTo("did:plc:abc7");
        assertThat(e.kind()).isEqualTo(EventKind.IDENTITY);
        assertThat(e.frame()).containsExactly(7);
        assertThat(e.spanUs()).isEqualTo(2);
        // Replay for a Jetstream cursor starts early enough for every event ending after it.
        assertThat(log.seqBeforeTime(5_000 + CommitEvent.MAX_OPS)).isEqualTo(5);
        assertThat(log.seqBeforeTime(100)).isZero();
        AccountCheckpoint checkpoint = new AccountCheckpoint(db);
        assertThat(log.deleteBefore(Long.MAX_VALUE)).as("nothing after the account checkpoint goes").isZero();
        checkpoint.set(7);
        assertThat(log.deleteBefore(4_500)).isEqualTo(4);
        assertThat(log.minSeq()).hasValue(5);
        assertThat(log.deleteBefore(Long.MAX_VALUE)).isEqualTo(3);
        assertThat(log.minSeq()).hasValue(8);
        checkpoint.set(10);
        assertThat(log.deleteBefore(Long.MAX_VALUE)).isEqualTo(2);
        assertThat(log.maxSeq()).as("the newest event is kept so its seq survives").hasValue(10);
    }

    @Test
    void hostsKeepCursorsThatOnlyMoveForward() {
        RelayDatabase db = db();
        HostStore hosts = new HostStore(db);
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        hosts.save(new HostRecord(A, 0, HostStatus.ACTIVE, 100, 50, true, t, null));
        hosts.save(new HostRecord(B, 0, HostStatus.ACTIVE, 100, 50, false, t, null));
        hosts.advanceCursors(java.util.Map.of(A, 42L), t.plusSeconds(1));
        hosts.advanceCursors(java.util.Map.of(A, 40L), t.plusSeconds(2));
        HostRecord a = hosts.find(A).orElseThrow();
        assertThat(a.cursor()).isEqualTo(42);
        assertThat(a.lastEventAt()).isEqualTo(t.plusSeconds(1));
        assertThat(a.ssl()).isTrue();
        hosts.save(a.withStatus(HostStatus.BANNED).withLimits(5, 7));
        a = hosts.find(A).orElseThrow();
        assertThat(a.status()).isEqualTo(HostStatus.BANNED);
        assertThat(a.accountLimit()).isEqualTo(5);
        assertThat(a.eventsPerSecond()).isEqualTo(7);
        assertThat(a.cursor()).as("saving does not touch the cursor").isEqualTo(42);
        hosts.resetCursor(A, 3);
        assertThat(hosts.find(A).orElseThrow().cursor()).isEqualTo(3);
        assertThat(hosts.list(null, 1)).extracting(HostRecord::host).containsExactly(A);
        assertThat(hosts.list(A, 10)).extracting(HostRecord::host).containsExactly(B);
        assertThat(hosts.find(Host.parse("other.test"))).isEmpty();
        assertThat(hosts.countCreatedSince(t)).isEqualTo(2);
    }

    @Test
    void accountsRoundTrip() {
        RelayDatabase db = db();
        JdbcAccountStore store = new JdbcAccountStore(db);
        SimAccount alice = new SimAccount("alice", "https://pds-a.test", Curve.P256);
        RepoCommit c = alice.create(List.of());
        AccountState s = AccountState.discovered(alice.did(), A).withSigningKey(alice.key().publicKey())
                .withCommit(c.commit().rev(), c.commit().data(), c.cid());
        AccountState bob = AccountState.discovered(new Did("did:plc:bobbbbbbbbbbbbbbbbbbbbbb"), B)
                .withUpstreamStatus(AccountStatus.DELETED).withTakenDown(true).withSync(SyncState.RESYNCING);
        store.save(List.of(s, bob));
        assertThat(store.find(alice.did())).hasValue(s);
        assertThat(store.find(bob.did()).orElseThrow().sync()).as("a running resync is stored as desynchronised")
                .isEqualTo(SyncState.DESYNCHRONIZED);
        assertThat(store.find(bob.did()).orElseThrow().status()).isEqualTo(AccountStatus.TAKENDOWN);
        AccountState moved = s.withHost(B).withCommit(Tid.of(SimAccount.BASE_MICROS + 99, 1), Cid.ofDrisl(new byte[] {(byte) 0xa0}), c.cid());
        store.save(List.of(moved));
        assertThat(store.find(alice.did())).hasValue(moved);
        assertThat(store.countByHost()).containsEntry(B, 2L).doesNotContainKey(A);
        assertThat(store.desynchronized(10)).extracting(AccountState::did).containsExactly(bob.did());
        assertThat(store.list(null, 1)).hasSize(1);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void theSequencerNumbersCommitsAndPublishesInOrderAndResumesAfterARestart() throws Exception {
        RelayDatabase db = db();
        EventLog log = new EventLog(db);
        HostStore hosts = new HostStore(db);
        JdbcAccountStore accounts = new JdbcAccountStore(db);
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        hosts.save(new HostRecord(A, 0, HostStatus.ACTIVE, 100, 50, true, t, null));
        Clock clock = Clock.fixed(t, ZoneOffset.UTC);
        SimAccount alice = new SimAccount("alice", "https://pds-a.test", Curve.K256);
        RepoCommit c0 = alice.create(List.of());
        RepoCommit c1 = alice.commit(alice.posts("app.bsky.feed.post", 3));
        AccountState state = AccountState.discovered(alice.did(), A).withCommit(c1.commit().rev(), c1.commit().data(), c1.cid());

        LiveFeed feed = new LiveFeed();
        List<LoggedEvent> live = new CopyOnWriteArrayList<>();
        feed.subscribe(live::addAll);
        Sequencer seq = new Sequencer(db, log, accounts, hosts, feed, clock, 100, 16, new SimpleMeterRegistry());
        seq.start();
        Datetime time = new Datetime("2026-05-01T00:00:00.000Z");
        seq.accept(new IngestResult.Passed(A, 11, new IdentityEvent(11, alice.did(), time, null), null));
        seq.accept(new IngestResult.Passed(A, 12, c0.toEvent(12, time), null));
        seq.accept(new IngestResult.Dropped(A, 13, alice.did(), DropReason.BAD_SIGNATURE, "x", null));
        seq.accept(new IngestResult.Passed(A, 14, c1.toEvent(14, time), state));
        seq.accept(new IngestResult.Passed(A, 0, new AccountEvent(1, alice.did(), time, true, null), null));
        assertThat(seq.awaitIdle(10_000)).isTrue();

        List<LoggedEvent> stored = log.after(0, 100);
        assertThat(stored).extracting(LoggedEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(stored).extracting(LoggedEvent::kind)
                .containsExactly(EventKind.IDENTITY, EventKind.COMMIT, EventKind.COMMIT, EventKind.ACCOUNT);
        long t0 = t.toEpochMilli() * 1000;
        assertThat(stored).extracting(LoggedEvent::timeUs).containsExactly(t0, t0 + 1, t0 + 2, t0 + 5);
        CommitEvent served = (CommitEvent) FirehoseFrame.decode(stored.get(2).frame());
        assertThat(served.seq()).isEqualTo(3);
        assertThat(served.blocks()).isEqualTo(c1.slice());
        assertThat(hosts.find(A).orElseThrow().cursor()).isEqualTo(14);
        assertThat(accounts.find(alice.did())).hasValue(state);
        assertThat(live).extracting(LoggedEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(seq.lastSeq()).isEqualTo(4);
        seq.close();

        Sequencer again = new Sequencer(db, log, accounts, hosts, new LiveFeed(), clock, 100, 16, new SimpleMeterRegistry());
        again.start();
        again.accept(new IngestResult.Passed(A, 15, new IdentityEvent(15, alice.did(), time, null), null));
        assertThat(again.awaitIdle(10_000)).isTrue();
        LoggedEvent next = log.after(4, 10).getFirst();
        assertThat(next.seq()).isEqualTo(5);
        assertThat(next.timeUs()).as("times go on increasing under a clock that did not move").isEqualTo(t0 + 6);
        again.close();

        RetentionJob retention = new RetentionJob(log, Duration.ofDays(1), Clock.fixed(t.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertThat(retention.runOnce()).isEqualTo(4);
        assertThat(log.after(0, 10)).extracting(LoggedEvent::seq).containsExactly(5L);
        retention.close();
    }
}
