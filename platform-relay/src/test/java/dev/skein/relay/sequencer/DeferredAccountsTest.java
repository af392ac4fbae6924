package dev.skein.relay.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.IngestResult;
import dev.skein.relay.ingest.UpstreamFrame;
import dev.skein.relay.store.AccountCheckpoint;
import dev.skein.relay.store.EventKind;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.LoggedEvent;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.testing.SimAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account rows whose only change is their last commit are written at checkpoints; after a crash, the events logged
 * since the last checkpoint bring them up to date.
 */
class DeferredAccountsTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");
    static final Host HOST = Host.parse("pds.test");

    @TempDir
    Path dir;
    RelayDatabase db;
    EventLog log;
    JdbcAccountStore accounts;
    AccountCheckpoint checkpoint;

    @BeforeEach
    void open() {
        db = RelayDatabase.open(RelayDatabase.h2FileUrl(dir.resolve("relay").toString()), "sa", "", null);
        log = new EventLog(db);
        accounts = new JdbcAccountStore(db);
        checkpoint = new AccountCheckpoint(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AccountState at(SimAccount a, RepoCommit c) {
        return AccountState.discovered(a.did(), HOST).withSigningKey(a.key().publicKey())
                .withCommit(c.commit().rev(), c.commit().data(), c.cid());
    }

    private static LoggedEvent logged(long seq, FirehoseEvent e) {
        return new LoggedEvent(seq, e instanceof CommitEvent c ? c.repo() : ((IdentityEvent) e).did(), EventKind.of(e),
                1_000 * seq, 1, e.encode());
    }

    @Test
    void recoveryWritesTheLastCommitOfEventsLoggedAfterTheCheckpoint() {
        SimAccount alice = new SimAccount("alice", "https://pds.test", Curve.K256);
        SimAccount bob = new SimAccount("bob", "https://pds.test", Curve.P256);
        SimAccount carol = new SimAccount("carol", "https://pds.test", Curve.K256);
        RepoCommit a0 = alice.create(List.of());
        RepoCommit a1 = alice.commit(alice.posts("agent.comms.message", 2));
        RepoCommit a2 = alice.commit(alice.posts("agent.comms.message", 1));
        RepoCommit b0 = bob.create(List.of());
        RepoCommit b1 = bob.commit(bob.posts("agent.comms.message", 1));
        RepoCommit c0 = carol.create(List.of());
        RepoCommit c1 = carol.commit(carol.posts("agent.comms.message", 1));
        RepoCommit c2 = carol.commit(carol.posts("agent.comms.message", 1));
        AccountState carolNow = at(carol, c2).withTakenDown(true);
        db.tx().executeWithoutResult(s -> {
            accounts.save(List.of(at(alice, a0), at(bob, b0), carolNow));
            log.append(List.of(logged(1, a1.toEvent(1, TIME)), logged(2, a2.toEvent(2, TIME)), logged(3, c1.toEvent(3, TIME)),
                    logged(4, new IdentityEvent(4, bob.did(), TIME, null))));
            log.append(List.of(new LoggedEvent(5, bob.did(), EventKind.SYNC, 5_000, 1, b1.toSyncEvent(5, TIME).encode())));
        });
        assertThat(checkpoint.seq()).isZero();

        assertThat(DeferredAccounts.recover(db, log, accounts, checkpoint)).isEqualTo(2);

        assertThat(accounts.find(alice.did())).hasValue(at(alice, a2));
        assertThat(accounts.find(bob.did())).as("a #sync names its commit as the CAR's root").hasValue(at(bob, b1));
        assertThat(accounts.find(carol.did())).as("a row newer than the log stays").hasValue(carolNow);
        assertThat(checkpoint.seq()).isEqualTo(5);
        assertThat(DeferredAccounts.recover(db, log, accounts, checkpoint)).as("nothing more to do").isZero();
    }

    @Test
    void headOnlyStatesAreWrittenByTheCheckpointAndFramesAreSplicedAsIfEncoded() throws Exception {
        HostStore hosts = new HostStore(db);
        hosts.save(new HostRecord(HOST, 0, HostStatus.ACTIVE, 100, 100, true, Instant.now(), null));
        SimAccount alice = new SimAccount("alice", "https://pds.test", Curve.K256);
        RepoCommit a0 = alice.create(List.of());
        RepoCommit a1 = alice.commit(alice.posts("agent.comms.message", 2));
        RepoCommit a2 = alice.commit(alice.posts("agent.comms.message", 3));
        Sequencer sequencer = new Sequencer(db, log, accounts, hosts, new LiveFeed(), Clock.systemUTC(), 100, 16,
                new SimpleMeterRegistry());
        sequencer.start();
        CommitEvent e0 = a0.toEvent(70, TIME);
        CommitEvent e1 = a1.toEvent(71, TIME);
        CommitEvent e2 = a2.toEvent(72, TIME);
        sequencer.accept(new IngestResult.Passed(HOST, 70, e0, at(alice, a0)));
        sequencer.accept(new IngestResult.Passed(HOST, 71, e1, at(alice, a1), true, UpstreamFrame.locate(e1.encode(), e1)));
        sequencer.accept(new IngestResult.Passed(HOST, 72, e2, at(alice, a2), true, UpstreamFrame.locate(e2.encode(), e2)));
        assertThat(sequencer.awaitIdle(10_000)).isTrue();
        sequencer.close();

        assertThat(accounts.find(alice.did())).hasValue(at(alice, a2));
        assertThat(checkpoint.seq()).isEqualTo(3);
        assertThat(hosts.find(HOST).orElseThrow().cursor()).isEqualTo(72);
        List<LoggedEvent> events = log.after(0, 10);
        assertThat(events.get(1).frame()).isEqualTo(a1.toEvent(2, TIME).encode());
        assertThat(events.get(2).frame()).isEqualTo(a2.toEvent(3, TIME).encode());
    }
}
