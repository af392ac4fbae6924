package dev.skein.core.identity;

import static dev.skein.core.identity.PlcOperationTest.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The directory's rules, on histories built here: a recovery key (index 0) and a PDS rotation key
 * (index 1), as a PDS sets them up.
 */
class PlcAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000Z");

    private final SigningKey recovery = SigningKey.generate(Curve.K256);
    private final SigningKey pdsRotation = SigningKey.generate(Curve.P256);
    private final SigningKey signing = SigningKey.generate(Curve.K256);
    private final PlcOperation genesis = PlcOperation.atprotoGenesis(List.of(recovery.publicKey(), pdsRotation.publicKey()),
            signing.publicKey(), Handle.parse("alice.test"), URI.create("https://pds.example.com")).sign(pdsRotation);
    private final Did did = genesis.genesisDid();
    private final PlcAuditLog log = new PlcAuditLog(did);

    /** An update after {@code prev} that moves the handle to {@code handle}, signed by {@code key}. */
    private PlcOperation update(PlcOp prev, String handle, SigningKey key) {
        PlcState state = ((PlcOperation) prev).state(did);
        return new PlcOperation(state.rotationKeys(), state.verificationMethods(), List.of("at://" + handle),
                state.services(), Optional.of(prev.cid()), Optional.empty()).sign(key);
    }

    @Test
    void prevChainBuildsTheState() {
        assertThat(log.append(genesis, T0)).isEqualTo(new PlcAuditLog.Accepted(genesis.cid(), 1, List.of()));
        PlcOperation op1 = update(genesis, "bob.test", pdsRotation);
        PlcOperation op2 = update(op1, "carol.test", recovery);
        assertThat(log.append(op1, T0.plusSeconds(1))).isEqualTo(new PlcAuditLog.Accepted(op1.cid(), 1, List.of()));
        assertThat(log.append(op2, T0.plusSeconds(2)).keyIndex()).isZero();

        assertThat(log.activeOperations()).containsExactly(genesis, op1, op2);
        assertThat(log.head()).hasValueSatisfying(h -> assertThat(h.cid()).isEqualTo(op2.cid()));
        assertThat(log.state()).contains(op2.state(did));
        DidDocument doc = log.didDocument().orElseThrow();
        assertThat(doc.handle()).contains(Handle.parse("carol.test"));
        assertThat(doc.atprotoKey()).contains(signing.publicKey());
        assertThat(PlcAuditLog.verify(log.entries()).state()).isEqualTo(log.state());
        assertThat(PlcAuditLog.verifyOperations(did, List.of(genesis, op1, op2))).isEqualTo(log.state());
    }

    @Test
    void genesisMustHashToTheDid() {
        PlcOperation other = PlcOperation.genesis(genesis.rotationKeys(), genesis.verificationMethods(),
                List.of("at://mallory.test"), genesis.services()).sign(pdsRotation);
        assertThatThrownBy(() -> log.append(other, T0)).satisfies(reason(Reason.GENESIS_DID_MISMATCH));
        assertThatThrownBy(() -> log.append(PlcTombstone.following(genesis.cid()).sign(recovery), T0))
                .satisfies(reason(Reason.MISORDERED));
        assertThat(log.entries()).isEmpty();
        log.append(genesis, T0);
        assertThatThrownBy(() -> log.append(genesis, T0.plusSeconds(1))).satisfies(reason(Reason.MISORDERED));
        PlcOperation second = PlcOperation.genesis(genesis.rotationKeys(), genesis.verificationMethods(),
                List.of("at://second.test"), genesis.services()).sign(pdsRotation);
        assertThatThrownBy(() -> log.append(second, T0.plusSeconds(1))).satisfies(reason(Reason.MISORDERED));
    }

    @Test
    void prevMustBeAnOperationOfThisDid() {
        log.append(genesis, T0);
        PlcOperation stray = new PlcOperation(genesis.rotationKeys(), genesis.verificationMethods(), genesis.alsoKnownAs(),
                genesis.services(), Optional.of(Cid.ofDrisl(new byte[] {(byte) 0xa0})), Optional.empty()).sign(recovery);
        assertThatThrownBy(() -> log.append(stray, T0.plusSeconds(1))).satisfies(reason(Reason.MISORDERED));
    }

    @Test
    void onlyTheCurrentRotationKeysMaySign() {
        log.append(genesis, T0);
        SigningKey attacker = SigningKey.generate(Curve.K256);
        assertThatThrownBy(() -> log.append(update(genesis, "mallory.test", attacker), T0.plusSeconds(1)))
                .satisfies(reason(Reason.INVALID_SIGNATURE));
        // the atproto signing key is not a rotation key
        assertThatThrownBy(() -> log.append(update(genesis, "mallory.test", signing), T0.plusSeconds(1)))
                .satisfies(reason(Reason.INVALID_SIGNATURE));
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void timestampsMustIncrease() {
        log.append(genesis, T0);
        assertThatThrownBy(() -> log.append(update(genesis, "bob.test", pdsRotation), T0))
                .satisfies(reason(Reason.TIMESTAMP_ORDER));
    }

    @Test
    void higherPriorityKeyNullifiesWithin72Hours() {
        log.append(genesis, T0);
        PlcOperation hijack = update(genesis, "mallory.test", pdsRotation);
        PlcOperation more = update(hijack, "mallory2.test", pdsRotation);
        log.append(hijack, T0.plusSeconds(10));
        log.append(more, T0.plusSeconds(20));
        PlcOperation recover = update(genesis, "alice.test", recovery);

        PlcAuditLog.Accepted accepted = log.append(recover, T0.plusSeconds(10).plus(Duration.ofHours(71)));

        assertThat(accepted.nullified()).containsExactly(hijack.cid(), more.cid());
        assertThat(log.entries()).extracting(PlcLogEntry::nullified).containsExactly(false, true, true, false);
        assertThat(log.activeOperations()).containsExactly(genesis, recover);
        assertThat(log.state()).contains(recover.state(did));
        PlcAuditLog.verify(log.entries());
        // the nullified branch is closed for good
        assertThatThrownBy(() -> log.append(update(more, "x.test", recovery), T0.plus(Duration.ofHours(80))))
                .satisfies(reason(Reason.PREV_NULLIFIED));
    }

    @Test
    void nullificationAtExactly72HoursIsAllowedAndAfterIsNot() {
        log.append(genesis, T0);
        PlcOperation hijack = update(genesis, "mallory.test", pdsRotation);
        log.append(hijack, T0.plusSeconds(1));
        PlcOperation recover = update(genesis, "alice.test", recovery);
        Instant deadline = T0.plusSeconds(1).plus(PlcAuditLog.RECOVERY_WINDOW);

        assertThatThrownBy(() -> log.append(recover, deadline.plusMillis(1))).satisfies(reason(Reason.LATE_RECOVERY));
        assertThat(log.entries()).extracting(PlcLogEntry::nullified).containsExactly(false, false);
        assertThat(log.append(recover, deadline).nullified()).containsExactly(hijack.cid());
    }

    @Test
    void samePriorityKeyCannotNullify() {
        log.append(genesis, T0);
        log.append(update(genesis, "bob.test", pdsRotation), T0.plusSeconds(1));
        assertThatThrownBy(() -> log.append(update(genesis, "carol.test", pdsRotation), T0.plusSeconds(2)))
                .satisfies(reason(Reason.INSUFFICIENT_KEY_PRIORITY));
    }

    @Test
    void opSignedByTheTopKeyCannotBeNullified() {
        log.append(genesis, T0);
        log.append(update(genesis, "bob.test", recovery), T0.plusSeconds(1));
        assertThatThrownBy(() -> log.append(update(genesis, "carol.test", recovery), T0.plusSeconds(2)))
                .satisfies(reason(Reason.INSUFFICIENT_KEY_PRIORITY));
    }

    @Test
    void forkMustBeLaterThanTheHead() {
        log.append(genesis, T0);
        log.append(update(genesis, "bob.test", pdsRotation), T0.plusSeconds(5));
        assertThatThrownBy(() -> log.append(update(genesis, "carol.test", recovery), T0.plusSeconds(5)))
                .satisfies(reason(Reason.TIMESTAMP_ORDER));
    }

    @Test
    void tombstoneEndsTheLogUnlessRecovered() {
        log.append(genesis, T0);
        PlcTombstone tombstone = PlcTombstone.following(genesis.cid()).sign(pdsRotation);
        log.append(tombstone, T0.plusSeconds(1));

        assertThat(log.isTombstoned()).isTrue();
        assertThat(log.state()).isEmpty();
        assertThat(log.didDocument()).isEmpty();
        assertThatThrownBy(() -> log.append(PlcTombstone.following(tombstone.cid()).sign(recovery), T0.plusSeconds(2)))
                .satisfies(reason(Reason.TOMBSTONED));
        assertThat(PlcAuditLog.verifyOperations(did, List.of(genesis, tombstone))).isEmpty();

        PlcOperation recover = update(genesis, "alice.test", recovery);
        assertThat(log.append(recover, T0.plus(Duration.ofHours(1))).nullified()).containsExactly(tombstone.cid());
        assertThat(log.isTombstoned()).isFalse();
        assertThat(log.state()).contains(recover.state(did));
    }

    @Test
    void failedAppendLeavesTheLogUnchanged() {
        log.append(genesis, T0);
        PlcOperation op1 = update(genesis, "bob.test", pdsRotation);
        log.append(op1, T0.plusSeconds(1));
        List<PlcLogEntry> before = log.entries();
        assertThatThrownBy(() -> log.append(update(genesis, "c.test", recovery), T0.plus(Duration.ofDays(4))))
                .satisfies(reason(Reason.LATE_RECOVERY));
        assertThat(log.entries()).isEqualTo(before);
        // the recovery key's right to fork from the genesis is untouched by the failed attempt
        log.append(update(genesis, "c.test", recovery), T0.plus(Duration.ofHours(2)));
    }

    @Test
    void auditVerificationChecksTheDirectorysClaims() {
        log.append(genesis, T0);
        PlcOperation hijack = update(genesis, "mallory.test", pdsRotation);
        log.append(hijack, T0.plusSeconds(1));
        PlcOperation recover = update(genesis, "alice.test", recovery);
        log.append(recover, T0.plusSeconds(2));
        List<PlcLogEntry> entries = log.entries();

        List<PlcLogEntry> flagCleared = new ArrayList<>(entries);
        PlcLogEntry e1 = entries.get(1);
        flagCleared.set(1, new PlcLogEntry(e1.did(), e1.operation(), e1.cid(), false, e1.createdAt()));
        assertThatThrownBy(() -> PlcAuditLog.verify(flagCleared)).satisfies(reason(Reason.INCONSISTENT_LOG));

        List<PlcLogEntry> wrongCid = new ArrayList<>(entries);
        wrongCid.set(1, new PlcLogEntry(e1.did(), e1.operation(), genesis.cid(), true, e1.createdAt()));
        assertThatThrownBy(() -> PlcAuditLog.verify(wrongCid)).satisfies(reason(Reason.INCONSISTENT_LOG));

        List<PlcLogEntry> otherDid = new ArrayList<>(entries);
        otherDid.set(1, new PlcLogEntry(Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), e1.operation(), e1.cid(), true, e1.createdAt()));
        assertThatThrownBy(() -> PlcAuditLog.verify(otherDid)).satisfies(reason(Reason.INCONSISTENT_LOG));

        assertThatThrownBy(() -> PlcAuditLog.verify(List.of())).satisfies(reason(Reason.INCONSISTENT_LOG));
    }

    @Test
    void auditLogRoundTripsThroughJson() {
        log.append(genesis, T0);
        log.append(update(genesis, "bob.test", pdsRotation), T0.plusMillis(1500));
        String json = PlcLogEntry.toJson(log.entries());
        assertThat(json).contains("\"createdAt\":\"2026-01-01T00:00:01.500Z\"");
        assertThat(PlcLogEntry.parseAuditLog(json)).isEqualTo(log.entries());
    }

    @Test
    void plainLogMustBeAChain() {
        PlcOperation op1 = update(genesis, "bob.test", pdsRotation);
        PlcOperation op2 = update(op1, "carol.test", pdsRotation);
        assertThatThrownBy(() -> PlcAuditLog.verifyOperations(did, List.of(genesis, op2, op1)))
                .satisfies(reason(Reason.MISORDERED));
        assertThatThrownBy(() -> PlcAuditLog.verifyOperations(did, List.of(op1, op2)))
                .satisfies(reason(Reason.MISORDERED));
        assertThatThrownBy(() -> PlcAuditLog.verifyOperations(did, List.of())).satisfies(reason(Reason.MISORDERED));
    }
}
