package dev.skein.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.encoding.Base32;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlcOperationTest {
    private final SigningKey recovery = SigningKey.generate(Curve.K256);
    private final SigningKey rotation = SigningKey.generate(Curve.P256);
    private final SigningKey atproto = SigningKey.generate(Curve.K256);

    private PlcOperation unsignedGenesis() {
        return PlcOperation.atprotoGenesis(List.of(recovery.publicKey(), rotation.publicKey()), atproto.publicKey(),
                Handle.parse("Alice.Test"), URI.create("https://pds.example.com"));
    }

    @Test
    void atprotoGenesisHasTheFieldsOfTheSpec() {
        PlcOperation op = unsignedGenesis();
        assertThat(op.rotationKeys()).containsExactly(recovery.publicKey().didKey(), rotation.publicKey().didKey());
        assertThat(op.verificationMethods()).containsExactly(Map.entry("atproto", atproto.publicKey().didKey()));
        assertThat(op.alsoKnownAs()).containsExactly("at://alice.test");
        assertThat(op.services()).containsExactly(Map.entry("atproto_pds",
                new PlcService("AtprotoPersonalDataServer", "https://pds.example.com")));
        assertThat(op.isGenesis()).isTrue();
        assertThat(op.isSigned()).isFalse();
        op.checkConstraints();
    }

    /** The signature covers the encoding without sig, with an explicit "prev": null; key order is DRISL's. */
    @Test
    void unsignedEncodingHasNullPrevAndNoSig() {
        PlcOperation op = unsignedGenesis().sign(rotation);
        MapValue unsigned = (MapValue) Drisl.decode(op.unsignedBytes());
        assertThat(unsigned.keys()).containsExactly("prev", "type", "services", "alsoKnownAs", "rotationKeys", "verificationMethods");
        assertThat(unsigned.get("prev")).isEqualTo(NullValue.INSTANCE);
        MapValue signed = (MapValue) Drisl.decode(op.signedBytes());
        assertThat(signed.keys()).containsExactly("sig", "prev", "type", "services", "alsoKnownAs", "rotationKeys", "verificationMethods");
        assertThat(signed.getString("sig")).isEqualTo(op.sig());
    }

    @Test
    void genesisRoundTripsThroughJson() {
        PlcOperation op = unsignedGenesis().sign(recovery);
        PlcOp parsed = PlcOp.fromJson(op.toJson());
        assertThat(parsed).isEqualTo(op);
        assertThat(parsed.signedBytes()).isEqualTo(op.signedBytes());
        assertThat(parsed.cid()).isEqualTo(op.cid()).isEqualTo(Cid.ofDrisl(op.signedBytes()));
        assertThat(PlcOp.fromValue(Drisl.decode(op.signedBytes()))).isEqualTo(op);
    }

    @Test
    void didIsTheTruncatedBase32HashOfTheSignedGenesis() {
        PlcOperation op = unsignedGenesis().sign(rotation);
        Did did = op.genesisDid();
        assertThat(did.value()).matches("did:plc:[a-z2-7]{24}")
                .isEqualTo("did:plc:" + Base32.encode(Cid.sha256(op.signedBytes())).substring(0, 24));
        op.verifyGenesis(did);
        // a different signature is a different genesis, and so a different DID
        assertThat(unsignedGenesis().sign(recovery).genesisDid()).isNotEqualTo(did);
        assertThatThrownBy(() -> unsignedGenesis().genesisDid())
                .isInstanceOfSatisfying(PlcOperationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }

    @Test
    void signatureIdentifiesTheSigningRotationKey() {
        PlcOperation genesis = unsignedGenesis();
        assertThat(genesis.sign(recovery).verifySignature(genesis.rotationKeys())).isZero();
        assertThat(genesis.sign(rotation).verifySignature(genesis.rotationKeys())).isEqualTo(1);
        String sig = genesis.sign(rotation).sig().orElseThrow();
        assertThat(sig).hasSize(86).matches("[A-Za-z0-9_-]+");
        assertThat(rotation.publicKey().verify(genesis.unsignedBytes(), Base64.getUrlDecoder().decode(sig))).isTrue();
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        PlcOperation op = unsignedGenesis().sign(atproto);
        assertThatThrownBy(() -> op.verifySignature(op.rotationKeys())).satisfies(reason(Reason.INVALID_SIGNATURE));
        assertThatThrownBy(() -> op.verifyGenesis(op.genesisDid())).satisfies(reason(Reason.INVALID_SIGNATURE));
        assertThatThrownBy(() -> op.verifySignature(List.of())).satisfies(reason(Reason.INVALID_SIGNATURE));
    }

    @Test
    void changingAnyFieldInvalidatesTheSignature() {
        PlcOperation op = unsignedGenesis().sign(recovery);
        PlcOperation moved = new PlcOperation(op.rotationKeys(), op.verificationMethods(), List.of("at://mallory.test"),
                op.services(), op.prev(), op.sig());
        assertThatThrownBy(() -> moved.verifySignature(op.rotationKeys())).satisfies(reason(Reason.INVALID_SIGNATURE));
        PlcOperation withPrev = new PlcOperation(op.rotationKeys(), op.verificationMethods(), op.alsoKnownAs(),
                op.services(), Optional.of(op.cid()), op.sig());
        assertThatThrownBy(() -> withPrev.verifySignature(op.rotationKeys())).satisfies(reason(Reason.INVALID_SIGNATURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "==", "\n", "A"})
    void nonCanonicalSignatureEncodingIsRejected(String suffix) {
        PlcOperation op = unsignedGenesis().sign(recovery);
        PlcOperation odd = op.withSig(op.sig().orElseThrow() + suffix);
        assertThatThrownBy(() -> odd.verifySignature(op.rotationKeys())).satisfies(reason(Reason.INVALID_SIGNATURE));
    }

    @Test
    void nonZeroTrailingBitsAreRejected() {
        PlcOperation op = unsignedGenesis().sign(recovery);
        String sig = op.sig().orElseThrow();
        // 86 characters carry 516 bits for 512: the last character's 4 low bits must be zero
        char last = sig.charAt(85);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String odd = sig.substring(0, 85) + alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThat(Base64.getUrlDecoder().decode(odd)).isEqualTo(Base64.getUrlDecoder().decode(sig));
        assertThatThrownBy(() -> op.withSig(odd).verifySignature(op.rotationKeys())).satisfies(reason(Reason.INVALID_SIGNATURE));
    }

    @Test
    void invalidRotationKeyFailsVerification() {
        PlcOperation op = unsignedGenesis().sign(recovery);
        assertThatThrownBy(() -> op.verifySignature(List.of("did:key:zNotAKey"))).satisfies(reason(Reason.INVALID_KEY));
    }

    @Test
    void updateAndTombstoneNameTheirPrev() {
        PlcOperation genesis = unsignedGenesis().sign(recovery);
        Did did = genesis.genesisDid();
        PlcOperation update = PlcOperation.of(genesis.state(did), Optional.of(genesis.cid())).sign(rotation);
        assertThat(update.prev()).contains(genesis.cid());
        assertThat(update.verifySignature(genesis.rotationKeys())).isEqualTo(1);
        assertThatThrownBy(update::genesisDid).satisfies(reason(Reason.MISORDERED));

        PlcTombstone tombstone = PlcTombstone.following(update.cid()).sign(recovery);
        assertThat(((MapValue) Drisl.decode(tombstone.unsignedBytes())).keys()).containsExactly("prev", "type");
        assertThat(PlcOp.fromJson(tombstone.toJson())).isEqualTo(tombstone);
        assertThat(tombstone.verifySignature(update.rotationKeys())).isZero();
        assertThat(tombstone.rotationKeys()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"type\":\"plc_operation\"}",
        "{\"type\":\"plc_update\",\"prev\":null,\"sig\":\"x\"}",
        // prev missing: a genesis must say "prev": null
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"sig\":\"x\"}",
        // unknown field
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"prev\":null,\"sig\":\"x\",\"extra\":1}",
        // wrong types
        "{\"type\":\"plc_operation\",\"rotationKeys\":\"did:key:z\",\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"prev\":null}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{\"atproto\":1},\"alsoKnownAs\":[],\"services\":{},\"prev\":null}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{\"atproto_pds\":{\"type\":\"x\"}},\"prev\":null}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{\"a\":{\"type\":\"x\",\"endpoint\":\"y\",\"z\":\"\"}},\"prev\":null}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"prev\":null,\"sig\":7}",
        // prev is a CID string: not a link, not another base, not uppercase
        "{\"type\":\"plc_tombstone\",\"prev\":{\"$link\":\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm\"},\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":\"BAFYREIE5737GDXLW5I64VZICHCALBA3Z2V5N6ICIFVX5XYTVSKE7MR3HPM\",\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":\"zdpuAnhBhG4LRJC1KLDY4YQPkh96HjBDhgURS4DgbPV2WYKQR\",\"sig\":\"x\"}",
        "{\"type\":\"plc_tombstone\",\"prev\":null,\"sig\":\"x\"}",
        "{\"type\":\"create\",\"signingKey\":\"a\",\"recoveryKey\":\"b\",\"handle\":\"c\",\"service\":\"d\",\"prev\":\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm\",\"sig\":\"x\"}",
        "{\"type\":\"plc_operation\",\"rotationKeys\":[1.5],\"verificationMethods\":{},\"alsoKnownAs\":[],\"services\":{},\"prev\":null}",
        "{\"type\":\"plc_operation\",\"type\":\"plc_operation\"}"
    })
    void malformedOperationsAreRejected(String json) {
        assertThatThrownBy(() -> PlcOp.fromJson(json)).satisfies(reason(Reason.MALFORMED));
    }

    @Test
    void oversizedOperationIsRejected() {
        List<String> aka = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            aka.add("at://" + "a".repeat(200) + i + ".test");
        }
        PlcOperation op = PlcOperation.genesis(List.of(recovery.publicKey().didKey()), Map.of(), aka, Map.of()).sign(recovery);
        assertThat(op.signedBytes().length).isGreaterThan(PlcOp.MAX_BYTES);
        assertThatThrownBy(() -> PlcOp.fromJson(op.toJson())).satisfies(reason(Reason.TOO_LARGE));
        assertThatThrownBy(op::checkConstraints).satisfies(reason(Reason.CONSTRAINT_VIOLATION));
    }

    @Test
    void newOperationsMustMeetTheConstraints() {
        String k1 = recovery.publicKey().didKey();
        String k2 = rotation.publicKey().didKey();
        Map<String, String> vm = Map.of("atproto", atproto.publicKey().didKey());
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(), vm, List.of(), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(SigningKey.generate(Curve.K256).publicKey().didKey());
        }
        assertThatThrownBy(() -> PlcOperation.genesis(six, vm, List.of(), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        PlcOperation.genesis(six.subList(0, 5), vm, List.of(), Map.of()).checkConstraints();
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1, k1), vm, List.of(), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"), vm,
                List.of(), Map.of()).checkConstraints()).satisfies(reason(Reason.INVALID_KEY));
        // verification methods may hold keys of any type, but must be did:key syntax, with ids without '#'
        PlcOperation.genesis(List.of(k1), Map.of("atproto", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"),
                List.of(), Map.of()).checkConstraints();
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1), Map.of("atproto", "zQ3sh"), List.of(), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1), Map.of("#atproto", k2), List.of(), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1), vm, List.of("at://a.test", "at://a.test"), Map.of()).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
        assertThatThrownBy(() -> PlcOperation.genesis(List.of(k1), vm, List.of(),
                Map.of("atproto_pds", PlcService.pds("https://" + "p".repeat(600)))).checkConstraints())
                .satisfies(reason(Reason.CONSTRAINT_VIOLATION));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void bothCurvesSign(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        PlcOperation op = PlcOperation.genesis(List.of(key.publicKey().didKey()), Map.of(), List.of(), Map.of()).sign(key);
        op.verifyGenesis(op.genesisDid());
    }

    static java.util.function.Consumer<Throwable> reason(Reason reason) {
        return e -> assertThat(e).isInstanceOfSatisfying(PlcOperationException.class, p -> assertThat(p.reason()).isEqualTo(reason));
    }
}
