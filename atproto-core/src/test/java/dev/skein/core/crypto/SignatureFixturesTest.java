package dev.skein.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every case of {@code crypto/signature-fixtures.json}. */
class SignatureFixturesTest {
    record Fixture(String comment, byte[] message, String algorithm, String didDocSuite, String publicKeyDid,
            String publicKeyMultibase, byte[] signature, boolean valid, List<String> tags) {
        @Override
        public String toString() {
            return comment;
        }
    }

    static List<Fixture> fixtures() {
        JsonNode root = new ObjectMapper().readTree(InteropVectors.read("crypto/signature-fixtures.json"));
        Base64.Decoder b64 = Base64.getDecoder();
        return StreamSupport.stream(root.spliterator(), false)
                .map(f -> new Fixture(
                        f.get("comment").asString(),
                        b64.decode(f.get("messageBase64").asString()),
                        f.get("algorithm").asString(),
                        f.get("didDocSuite").asString(),
                        f.get("publicKeyDid").asString(),
                        f.get("publicKeyMultibase").asString(),
                        b64.decode(f.get("signatureBase64").asString()),
                        f.get("validSignature").asBoolean(),
                        StreamSupport.stream(f.get("tags").spliterator(), false).map(JsonNode::asString).toList()))
                .toList();
    }

    @Test
    void allSixFixturesAreRead() {
        assertThat(fixtures()).hasSize(6);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void verifiesExactlyAsTheFixtureSays(Fixture f) {
        PublicKey key = DidKey.parse(f.publicKeyDid());
        assertThat(key.curve().jwtAlg()).isEqualTo(f.algorithm());
        assertThat(key.verify(f.message(), f.signature())).isEqualTo(f.valid());
        if (f.valid()) {
            key.verifyOrThrow(f.message(), f.signature());
        } else {
            assertThatThrownBy(() -> key.verifyOrThrow(f.message(), f.signature()))
                    .isInstanceOfSatisfying(InvalidSignatureException.class,
                            e -> assertThat(e.reason()).isEqualTo(expectedReason(f)));
        }
    }

    /** The high-S cases are valid ECDSA, which is why the low-S rule needs its own check. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void lenientVerificationAcceptsHighSButNotDer(Fixture f) {
        PublicKey key = DidKey.parse(f.publicKeyDid());
        boolean der = f.tags().contains("der-encoded");
        assertThat(key.verifyLenient(f.message(), f.signature())).isEqualTo(!der);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void didKeyRoundTripsAndMatchesTheLegacyMultibaseForm(Fixture f) {
        PublicKey key = DidKey.parse(f.publicKeyDid());
        assertThat(key.didKey()).isEqualTo(f.publicKeyDid());
        assertThat(DidKey.format(key)).isEqualTo(f.publicKeyDid());
        Curve suiteCurve = Curve.fromLegacyVerificationMethodType(f.didDocSuite()).orElseThrow();
        assertThat(suiteCurve).isEqualTo(key.curve());
        assertThat(Multikey.parseLegacy(suiteCurve, f.publicKeyMultibase())).isEqualTo(key);
    }

    private static InvalidSignatureException.Reason expectedReason(Fixture f) {
        if (f.tags().contains("high-s")) {
            return InvalidSignatureException.Reason.HIGH_S;
        }
        if (f.tags().contains("der-encoded")) {
            return InvalidSignatureException.Reason.WRONG_LENGTH;
        }
        throw new AssertionError("invalid fixture with unknown tags: " + f.tags());
    }
}
