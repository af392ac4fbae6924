package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.identity.PlcOperationException;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.identity.PlcService;
import dev.skein.core.identity.PlcTombstone;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.plc.store.PlcDatabase;
import dev.skein.plc.store.PlcStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The directory's behaviour over a real database; run against H2 ({@link PlcDirectoryH2Test}) and
 * PostgreSQL ({@link PlcDirectoryPostgresTest}). Every test starts from empty tables.
 */
abstract class PlcDirectoryContract {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(START);
    PlcDatabase database;
    PlcDirectory directory;
    JdbcClient jdbc;

    /** The settings of the database under test. */
    abstract PlcProperties properties();

    @BeforeEach
    void open() {
        open(properties());
        jdbc.sql("DELETE FROM operations").update();
        jdbc.sql("DELETE FROM dids").update();
    }

    void open(PlcProperties properties) {
        database = PlcDatabase.open(properties);
        database.migrate();
        jdbc = JdbcClient.create(database.dataSource());
        directory = directory(properties.limits());
    }

    PlcDirectory directory(PlcProperties.Limits limits) {
        return new PlcDirectory(new PlcStore(jdbc, database.vendor()),
                new DataSourceTransactionManager(database.dataSource()), clock, limits);
    }

    @AfterEach
    void close() {
        database.close();
    }

    // --- accepted flows ---

    @Test
    void genesisCreatesTheDidWithItsAtprotoData() {
        TestIdentity alice = new TestIdentity("alice.test");

        PlcLogEntry entry = directory.submit(alice.did, alice.genesis);

        assertThat(entry).isEqualTo(new PlcLogEntry(alice.did, alice.genesis, alice.genesis.cid(), false, START));
        DidState.Active state = (DidState.Active) directory.state(alice.did);
        var doc = state.state().toDidDocument();
        assertThat(doc.handle()).contains(Handle.parse("alice.test"));
        assertThat(doc.atprotoKey()).contains(alice.signing.publicKey());
        assertThat(doc.pdsEndpoint()).contains(TestIdentity.PDS);
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis);
        assertThat(directory.auditLog(alice.did)).containsExactly(entry);
        assertThat(directory.lastOperation(alice.did)).contains(entry);
    }

    @Test
    void updatesFollowTheChainAndChangeTheState() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        clock.advance(Duration.ofMinutes(5));
        PlcOperation renamed = alice.rename(alice.genesis, "alice2.test", alice.rotation);
        directory.submit(alice.did, renamed);
        clock.advance(Duration.ofMinutes(5));
        PlcOperation again = alice.rename(renamed, "alice3.test", alice.recovery);
        PlcLogEntry last = directory.submit(alice.did, again);

        assertThat(last.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(((DidState.Active) directory.state(alice.did)).state().alsoKnownAs()).containsExactly("at://alice3.test");
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis, renamed, again);
        assertThat(directory.auditLog(alice.did)).extracting(PlcLogEntry::nullified).containsExactly(false, false, false);
        assertThat(directory.lastOperation(alice.did)).map(PlcLogEntry::operation).contains(again);
    }

    @Test
    void aTombstoneDeactivatesTheDidAndNothingFollowsIt() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        PlcTombstone tombstone = alice.tombstone(alice.genesis, alice.rotation);
        directory.submit(alice.did, tombstone);

        assertThat(directory.state(alice.did)).isInstanceOf(DidState.Deactivated.class);
        assertThat(directory.lastOperation(alice.did)).map(PlcLogEntry::operation).contains(tombstone);
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis, tombstone);
        assertRejected(alice.did, PlcTombstone.following(tombstone.cid()).sign(alice.recovery), Reason.TOMBSTONED);
    }

    @Test
    void theRecoveryKeyUndoesATombstoneWithinTheWindow() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        PlcTombstone tombstone = alice.tombstone(alice.genesis, alice.rotation);
        directory.submit(alice.did, tombstone);
        clock.advance(Duration.ofHours(71));

        PlcOperation recovered = alice.rename(alice.genesis, "alice.test", alice.recovery);
        directory.submit(alice.did, recovered);

        assertThat(directory.state(alice.did)).isInstanceOf(DidState.Active.class);
        assertThat(directory.auditLog(alice.did)).extracting(PlcLogEntry::operation, PlcLogEntry::nullified)
                .containsExactly(tuple(alice.genesis, false), tuple(tombstone, true), tuple(recovered, false));
    }

    @Test
    void aRecoveryForkNullifiesTheOperationsAfterItsPrev() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        clock.advance(Duration.ofHours(1));
        PlcOperation hijack = alice.rename(alice.genesis, "mallory.test", alice.rotation);
        directory.submit(alice.did, hijack);
        clock.advance(Duration.ofMinutes(1));
        PlcOperation hijack2 = alice.rename(hijack, "mallory2.test", alice.rotation);
        directory.submit(alice.did, hijack2);
        clock.advance(Duration.ofHours(48));

        PlcOperation recovery = alice.rename(alice.genesis, "alice.test", alice.recovery);
        directory.submit(alice.did, recovery);

        assertThat(directory.auditLog(alice.did)).extracting(PlcLogEntry::nullified).containsExactly(false, true, true, false);
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis, recovery);
        assertThat(((DidState.Active) directory.state(alice.did)).state().alsoKnownAs()).containsExactly("at://alice.test");
        assertRejected(alice.did, alice.rename(hijack2, "mallory3.test", alice.rotation), Reason.PREV_NULLIFIED);
        assertRejected(alice.did, alice.rename(alice.genesis, "mallory4.test", alice.rotation),
                Reason.INSUFFICIENT_KEY_PRIORITY);
        // The recovery key has overridden the operation after the genesis: no key outranks it for another fork.
        assertRejected(alice.did, alice.rename(alice.genesis, "alice5.test", alice.recovery),
                Reason.INSUFFICIENT_KEY_PRIORITY);
    }

    @Test
    void aForkByAKeyNoStrongerThanTheOneItOverridesIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        directory.submit(alice.did, alice.rename(alice.genesis, "bob.test", alice.rotation));

        assertRejected(alice.did, alice.rename(alice.genesis, "carol.test", alice.rotation), Reason.INSUFFICIENT_KEY_PRIORITY);
    }

    @Test
    void aRecoveryAfterTheWindowIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        directory.submit(alice.did, alice.rename(alice.genesis, "mallory.test", alice.rotation));
        clock.advance(Duration.ofHours(72).plusSeconds(1));

        assertRejected(alice.did, alice.rename(alice.genesis, "alice.test", alice.recovery), Reason.LATE_RECOVERY);
    }

    // --- refused operations: nothing stored ---

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);

        assertRejected(alice.did, alice.rename(alice.genesis, "bob.test", SigningKey.generate(Curve.K256)),
                Reason.INVALID_SIGNATURE);
        assertRejected(alice.did, alice.rename(alice.genesis, "bob.test", alice.signing), Reason.INVALID_SIGNATURE);
        assertRejected(alice.did, alice.unsignedRename(alice.genesis, "bob.test"), Reason.INVALID_SIGNATURE);
        PlcOperation signed = alice.rename(alice.genesis, "bob.test", alice.rotation);
        PlcOperation tampered = alice.unsignedRename(alice.genesis, "eve.test").withSig(signed.sig().orElseThrow());
        assertRejected(alice.did, tampered, Reason.INVALID_SIGNATURE);
    }

    @Test
    void aGenesisSignedByAKeyItDoesNotListIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        PlcOperation forged = PlcOperation.genesis(alice.genesis.rotationKeys(), alice.genesis.verificationMethods(),
                alice.genesis.alsoKnownAs(), alice.genesis.services()).sign(alice.signing);

        assertRejected(forged.genesisDid(), forged, Reason.INVALID_SIGNATURE);
        assertThat(directory.state(forged.genesisDid())).isInstanceOf(DidState.Unknown.class);
    }

    @Test
    void aPrevThatIsNotInTheLogIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        TestIdentity bob = new TestIdentity("bob.test");
        directory.submit(alice.did, alice.genesis);
        directory.submit(bob.did, bob.genesis);

        assertRejected(alice.did, alice.rename(bob.genesis, "x.test", alice.rotation), Reason.MISORDERED);
        PlcOperation randomPrev = new PlcOperation(alice.genesis.rotationKeys(), Map.of(), List.of(), Map.of(),
                Optional.of(Cid.ofDrisl("nothing".getBytes(StandardCharsets.UTF_8))), Optional.empty()).sign(alice.rotation);
        assertRejected(alice.did, randomPrev, Reason.MISORDERED);
    }

    @Test
    void anUpdateForAnUnknownDidIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");

        assertRejected(alice.did, alice.rename(alice.genesis, "bob.test", alice.rotation), Reason.MISORDERED);
        assertThat(directory.state(alice.did)).isInstanceOf(DidState.Unknown.class);
    }

    @Test
    void aGenesisFiledUnderAnotherDidIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        TestIdentity bob = new TestIdentity("bob.test");

        assertRejected(bob.did, alice.genesis, Reason.GENESIS_DID_MISMATCH);
        assertThat(directory.state(bob.did)).isInstanceOf(DidState.Unknown.class);
        assertThat(directory.state(alice.did)).isInstanceOf(DidState.Unknown.class);
    }

    @Test
    void aSecondGenesisOrTheSameOperationTwiceIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        PlcOperation renamed = alice.rename(alice.genesis, "bob.test", alice.rotation);
        directory.submit(alice.did, renamed);

        assertRejected(alice.did, alice.genesis, Reason.MISORDERED);
        assertRejected(alice.did, renamed, Reason.MISORDERED);
    }

    @Test
    void anOperationOverTheConfiguredSizeIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        Map<String, PlcService> services = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            services.put("svc" + i, new PlcService("Example", "https://example.test/" + "x".repeat(480)));
        }
        PlcOperation big = new PlcOperation(alice.genesis.rotationKeys(), alice.genesis.verificationMethods(),
                alice.genesis.alsoKnownAs(), services, Optional.of(alice.genesis.cid()), Optional.empty()).sign(alice.rotation);
        assertThat(big.signedBytes().length).isBetween(4001, PlcOp.MAX_BYTES);

        assertRejected(alice.did, big, Reason.TOO_LARGE);
        directory(new PlcProperties.Limits(32768, PlcOp.MAX_BYTES, 10, 30, 100)).submit(alice.did, big);
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis, big);
    }

    @Test
    void newOperationsMustKeepTheMethodsConstraints() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        List<String> sixKeys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sixKeys.add(SigningKey.generate(Curve.K256).publicKey().didKey());
        }
        PlcOperation tooManyKeys = new PlcOperation(sixKeys, Map.of(), List.of(), Map.of(),
                Optional.of(alice.genesis.cid()), Optional.empty()).sign(alice.rotation);

        assertRejected(alice.did, tooManyKeys, Reason.CONSTRAINT_VIOLATION);
        PlcOperation badKey = new PlcOperation(List.of("did:key:zNotAKey"), Map.of(), List.of(), Map.of(),
                Optional.of(alice.genesis.cid()), Optional.empty()).sign(alice.rotation);
        assertRejected(alice.did, badKey, Reason.INVALID_KEY);
    }

    @Test
    void legacyCreateOperationsAreNoLongerAccepted() {
        SigningKey key = SigningKey.generate(Curve.K256);
        String json = "{\"type\":\"create\",\"signingKey\":\"" + key.publicKey().didKey() + "\",\"recoveryKey\":\""
                + key.publicKey().didKey() + "\",\"handle\":\"old.test\",\"service\":\"https://pds.test\",\"prev\":null}";
        PlcOp unsigned = PlcOp.fromJson(json);
        PlcOp legacy = PlcOp.fromJson(json.replace("\"prev\":null", "\"prev\":null,\"sig\":\""
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(unsigned.unsignedBytes())) + "\""));

        assertRejected(legacy.genesisDid(), legacy, Reason.MALFORMED);
    }

    @Test
    void onlyDidPlcIsServed() {
        TestIdentity alice = new TestIdentity("alice.test");

        assertRejected(Did.parse("did:web:example.com"), alice.genesis, Reason.MALFORMED);
    }

    // --- rate limits ---

    @Test
    void theRateLimitCountsRecentOperationsAndSparesRecoveries() {
        directory = directory(new PlcProperties.Limits(32768, 4000, 3, 0, 0));
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        PlcOperation second = alice.rename(alice.genesis, "a2.test", alice.rotation);
        directory.submit(alice.did, second);
        PlcOperation third = alice.rename(second, "a3.test", alice.rotation);
        directory.submit(alice.did, third);
        PlcOperation fourth = alice.rename(third, "a4.test", alice.rotation);

        List<PlcLogEntry> before = everything();
        assertThatThrownBy(() -> directory.submit(alice.did, fourth))
                .isInstanceOfSatisfying(PlcRateLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(3);
                    assertThat(e.window()).isEqualTo(Duration.ofHours(1));
                    assertThat(e.getMessage()).contains("hour").contains("max 3");
                });
        assertThat(everything()).isEqualTo(before);

        PlcOperation recovery = alice.rename(second, "alice.test", alice.recovery);
        directory.submit(alice.did, recovery);
        assertThat(directory.operationLog(alice.did)).containsExactly(alice.genesis, second, recovery);

        clock.advance(Duration.ofMinutes(61));
        directory.submit(alice.did, alice.rename(recovery, "later.test", alice.recovery));
        assertThat(directory.operationLog(alice.did)).hasSize(4);
    }

    // --- export ---

    @Test
    void theExportPagesThroughEveryOperationByTime() {
        List<PlcLogEntry> accepted = new ArrayList<>();
        List<TestIdentity> ids = List.of(new TestIdentity("a.test"), new TestIdentity("b.test"), new TestIdentity("c.test"));
        for (TestIdentity id : ids) {
            accepted.add(directory.submit(id.did, id.genesis));
        }
        TestIdentity a = ids.getFirst();
        PlcOperation hijack = a.rename(a.genesis, "m.test", a.rotation);
        accepted.add(directory.submit(a.did, hijack));
        accepted.add(directory.submit(ids.get(1).did, ids.get(1).tombstone(ids.get(1).genesis, ids.get(1).rotation)));
        clock.advance(Duration.ofMinutes(3));
        accepted.add(directory.submit(a.did, a.rename(a.genesis, "a.test", a.recovery)));
        accepted.add(directory.submit(ids.get(2).did, ids.get(2).rename(ids.get(2).genesis, "c2.test", ids.get(2).rotation)));

        List<PlcLogEntry> pages = new ArrayList<>();
        Optional<Instant> after = Optional.empty();
        while (true) {
            List<PlcLogEntry> page = directory.export(after, 3);
            assertThat(page.size()).isLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            pages.addAll(page);
            after = Optional.of(page.getLast().createdAt());
        }

        assertThat(pages).extracting(PlcLogEntry::cid).containsExactlyElementsOf(accepted.stream().map(PlcLogEntry::cid).toList());
        assertThat(pages).extracting(PlcLogEntry::createdAt).isSorted().doesNotHaveDuplicates();
        assertThat(pages.get(3).nullified()).isTrue();
        assertThat(pages).filteredOn(PlcLogEntry::nullified).hasSize(1);
        assertThat(directory.export(Optional.of(accepted.get(4).createdAt()), 10)).containsExactlyElementsOf(pages.subList(5, 7));
    }

    // --- storage ---

    @Test
    void whatWasAcceptedIsThereAfterAReopen() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        PlcLogEntry renamed = directory.submit(alice.did, alice.rename(alice.genesis, "bob.test", alice.rotation));
        List<PlcLogEntry> audit = directory.auditLog(alice.did);
        database.close();

        open(properties());

        assertThat(directory.auditLog(alice.did)).isEqualTo(audit);
        assertThat(directory.lastOperation(alice.did)).contains(renamed);
        directory.submit(alice.did, alice.rename(renamed.operation(), "carol.test", alice.rotation));
        assertThat(directory.operationLog(alice.did)).hasSize(3);
    }

    @Test
    void aStoredLogThatNoLongerVerifiesIsAServerErrorNotTheClients() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        jdbc.sql("UPDATE operations SET nullified = TRUE").update();

        assertThatThrownBy(() -> directory.submit(alice.did, alice.rename(alice.genesis, "b.test", alice.rotation)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not verify");
    }

    @Test
    void concurrentWritesToOneDidAreSerialisedAndOnlyOneForkWins() throws Exception {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        int writers = 6;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < writers; i++) {
            PlcOperation op = alice.rename(alice.genesis, "w" + i + ".test", alice.rotation);
            tasks.add(() -> {
                start.await();
                try {
                    directory.submit(alice.did, op);
                    return true;
                } catch (PlcOperationException e) {
                    assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_KEY_PRIORITY);
                    return false;
                }
            });
        }
        List<Boolean> results = runAll(tasks, start);

        assertThat(results).containsOnlyOnce(true);
        assertThat(directory.auditLog(alice.did)).hasSize(2);
    }

    @Test
    void concurrentGenesesOfDifferentDidsAreAllAccepted() throws Exception {
        List<TestIdentity> ids = new ArrayList<>();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            TestIdentity id = new TestIdentity("p" + i + ".test");
            ids.add(id);
            tasks.add(() -> {
                start.await();
                directory.submit(id.did, id.genesis);
                directory.submit(id.did, id.rename(id.genesis, "q.test", id.rotation));
                return true;
            });
        }
        assertThat(runAll(tasks, start)).containsOnly(true);
        for (TestIdentity id : ids) {
            assertThat(directory.operationLog(id.did)).hasSize(2);
        }
        assertThat(everything()).extracting(PlcLogEntry::createdAt).doesNotHaveDuplicates();
    }

    @Test
    void twoDirectoriesOnOneDatabaseSerialiseThroughTheRowLock() throws Exception {
        // Two directories do not share their in-process locks, as two processes would not: the database decides.
        PlcDirectory other = directory(PlcProperties.Limits.DEFAULT);
        TestIdentity alice = new TestIdentity("alice.test");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> geneses = new ArrayList<>();
        for (PlcDirectory d : List.of(directory, other, directory, other)) {
            geneses.add(() -> {
                start.await();
                try {
                    d.submit(alice.did, alice.genesis);
                    return true;
                } catch (PlcOperationException e) {
                    assertThat(e.reason()).isEqualTo(Reason.MISORDERED);
                    return false;
                }
            });
        }
        assertThat(runAll(geneses, start)).containsOnlyOnce(true);

        CountDownLatch again = new CountDownLatch(1);
        List<Callable<Boolean>> forks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PlcDirectory d = i % 2 == 0 ? directory : other;
            PlcOperation op = alice.rename(alice.genesis, "fork" + i + ".test", alice.rotation);
            forks.add(() -> {
                again.await();
                try {
                    d.submit(alice.did, op);
                    return true;
                } catch (PlcOperationException e) {
                    assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_KEY_PRIORITY);
                    return false;
                }
            });
        }
        assertThat(runAll(forks, again)).containsOnlyOnce(true);
        assertThat(directory.auditLog(alice.did)).hasSize(2).noneMatch(PlcLogEntry::nullified);
    }

    private static List<Boolean> runAll(List<Callable<Boolean>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    List<PlcLogEntry> everything() {
        return directory.export(Optional.empty(), 1000);
    }

    int didRows() {
        return jdbc.sql("SELECT COUNT(*) FROM dids").query(Integer.class).single();
    }

    /** Submitting {@code op} fails for {@code reason}, and the database is as it was. */
    void assertRejected(Did did, PlcOp op, Reason reason) {
        List<PlcLogEntry> before = everything();
        int rows = didRows();
        assertThatThrownBy(() -> directory.submit(did, op))
                .isInstanceOfSatisfying(PlcOperationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(everything()).isEqualTo(before);
        assertThat(didRows()).isEqualTo(rows);
    }
}
