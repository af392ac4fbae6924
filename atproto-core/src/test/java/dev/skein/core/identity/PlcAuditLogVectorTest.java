package dev.skein.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.syntax.Did;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every audit log of the did:plc vectors (go-didplc testdata, see {@code plc/README.md}): the valid ones
 * verify, each for the reason the reference implementation gives, the invalid ones fail.
 */
class PlcAuditLogVectorTest {
    private static final Map<String, Reason> INVALID = Map.of(
            "log_invalid_nullification_reused_key.json", Reason.INSUFFICIENT_KEY_PRIORITY,
            "log_invalid_nullification_too_slow.json", Reason.LATE_RECOVERY,
            "log_invalid_sig_b64_newline.json", Reason.INVALID_SIGNATURE,
            "log_invalid_sig_b64_padding_bits.json", Reason.INVALID_SIGNATURE,
            "log_invalid_sig_b64_padding_chars.json", Reason.INVALID_SIGNATURE,
            "log_invalid_sig_der.json", Reason.INVALID_SIGNATURE,
            "log_invalid_sig_k256_high_s.json", Reason.INVALID_SIGNATURE,
            "log_invalid_sig_p256_high_s.json", Reason.INVALID_SIGNATURE,
            "log_invalid_update_nullified.json", Reason.PREV_NULLIFIED,
            "log_invalid_update_tombstoned.json", Reason.TOMBSTONED);

    static Stream<String> valid() {
        return PlcVectors.names("valid");
    }

    static Stream<String> invalid() {
        return PlcVectors.names("invalid");
    }

    static Stream<String> all() {
        return Stream.concat(valid().map(n -> "valid/" + n), invalid().map(n -> "invalid/" + n));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validLogVerifies(String name) {
        List<PlcLogEntry> entries = PlcVectors.read("valid", name);
        PlcAuditLog log = PlcAuditLog.verify(entries);

        assertThat(log.entries()).isEqualTo(entries);
        List<PlcOp> active = entries.stream().filter(e -> !e.nullified()).map(PlcLogEntry::operation).toList();
        assertThat(log.activeOperations()).isEqualTo(active);
        assertThat(log.isTombstoned()).isEqualTo(active.getLast() instanceof PlcTombstone);
        assertThat(PlcAuditLog.verifyOperations(log.did(), active)).isEqualTo(log.state());
    }

    /** The CID and (for the genesis) DID of every operation, recomputed from its DRISL encoding. */
    @ParameterizedTest
    @MethodSource("all")
    void everyOperationEncodesToItsCid(String path) {
        String[] parts = path.split("/");
        List<PlcLogEntry> entries = PlcVectors.read(parts[0], parts[1]);
        for (PlcLogEntry e : entries) {
            assertThat(e.operation().cid()).as(e.cid().toString()).isEqualTo(e.cid());
            assertThat(PlcOp.fromJson(e.operation().toJson())).isEqualTo(e.operation());
        }
        assertThat(entries.getFirst().operation().genesisDid()).isEqualTo(entries.getFirst().did());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidLogFails(String name) {
        assertThat(INVALID).containsKey(name);
        List<PlcLogEntry> entries = PlcVectors.read("invalid", name);
        assertThatThrownBy(() -> PlcAuditLog.verify(entries))
                .isInstanceOfSatisfying(PlcOperationException.class, e -> assertThat(e.reason()).isEqualTo(INVALID.get(name)));
    }

    /**
     * Known answer: the legacy-format genesis operation of did:plc:yk4dd2qkboz2yv6tpubpc6co, a real
     * identity on plc.directory, as recorded in go-didplc testdata/log_legacy_dholms.json (commit e00ab88).
     */
    @Test
    void legacyGenesisKnownAnswer() {
        PlcOp genesis = PlcOp.fromJson("""
                {"sig":"7QTzqO1BcL3eDzP4P_YBxMmv5U4brHzAItkM9w5o8gZA7ElZkrVYEwsfQCfk5EoWLk58Z1y6fyNP9x1pthJnlw",
                 "prev":null,"type":"create","handle":"dan.bsky.social","service":"https://bsky.social",
                 "signingKey":"did:key:zQ3shP5TBe1sQfSttXty15FAEHV1DZgcxRZNxvEWnPfLFwLxJ",
                 "recoveryKey":"did:key:zQ3shhCGUqDKjStzuDxPkTxN6ujddP4RkEKJJouJGRRkaLGbg"}""");

        assertThat(genesis).isInstanceOf(PlcLegacyCreate.class);
        assertThat(genesis.genesisDid()).isEqualTo(Did.parse("did:plc:yk4dd2qkboz2yv6tpubpc6co"));
        assertThat(genesis.cid()).isEqualTo(Cid.parse("bafyreigcxay6ucqlwowfpu35alyxqtv3c4vsj7gmdtmnidsnqs6nblyarq"));
        // signed by the signing key, the second of the legacy format's equivalent rotation keys
        assertThat(genesis.verifySignature(genesis.rotationKeys())).isEqualTo(1);
        genesis.verifyGenesis(Did.parse("did:plc:yk4dd2qkboz2yv6tpubpc6co"));
    }

    /** The final state of the dholms log, and the DID document the directory would render from it. */
    @Test
    void legacyLogEndsInTheDocumentOfItsLastOperation() {
        PlcAuditLog log = PlcAuditLog.verify(PlcVectors.read("valid", "log_legacy_dholms.json"));
        DidDocument doc = log.didDocument().orElseThrow();

        assertThat(doc.did()).isEqualTo(Did.parse("did:plc:yk4dd2qkboz2yv6tpubpc6co"));
        assertThat(doc.handle()).hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("dholms.xyz"));
        assertThat(doc.pdsEndpoint()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://bsky.social"));
        assertThat(doc.atprotoKey()).hasValueSatisfying(k ->
                assertThat(k.didKey()).isEqualTo("did:key:zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"));
        assertThat(doc.context()).containsExactly(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT, PlcKeys.K256_CONTEXT);
    }

    /** op5 nullifies op4; op7 then forks from op1 and nullifies op2, op3, op5 and op6 (README of the vectors). */
    @Test
    void nontrivialNullificationMarksTheRightOperations() {
        List<PlcLogEntry> entries = PlcVectors.read("valid", "log_nullification_nontrivial.json");
        assertThat(entries).extracting(PlcLogEntry::nullified)
                .containsExactly(false, false, true, true, true, true, true, false);
        PlcAuditLog replay = new PlcAuditLog(entries.getFirst().did());
        for (int i = 0; i < 7; i++) {
            replay.append(entries.get(i).operation(), entries.get(i).createdAt());
        }
        PlcAuditLog.Accepted last = replay.append(entries.get(7).operation(), entries.get(7).createdAt());
        assertThat(last.nullified()).containsExactly(entries.get(2).cid(), entries.get(3).cid(),
                entries.get(5).cid(), entries.get(6).cid());
    }
}
