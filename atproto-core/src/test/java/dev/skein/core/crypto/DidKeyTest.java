package dev.skein.core.crypto;

import static dev.skein.core.crypto.SignatureForms.concat;
import static dev.skein.core.crypto.SignatureForms.fixed32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.encoding.Base58Btc;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** did:key and Multikey text forms (checklist 6.3). */
class DidKeyTest {
    @ParameterizedTest
    @CsvSource({
        "did:key:zDnaembgSGUhZULN2Caob4HLJPaxBh92N7rtH21TErzqf8HQo, P256, 8024",
        "did:key:zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc, K256, e701",
    })
    void specExamplesParseAndFormatBack(String did, Curve curve, String prefixHex) {
        PublicKey key = DidKey.parse(did);
        assertThat(key.curve()).isEqualTo(curve);
        assertThat(DidKey.format(key)).isEqualTo(did);
        String multibase = did.substring("did:key:".length());
        assertThat(key.multibase()).isEqualTo(multibase);
        assertThat(Multikey.format(key)).isEqualTo(multibase);
        assertThat(Multikey.parse(multibase)).isEqualTo(key);
        byte[] bytes = Base58Btc.decode(multibase.substring(1));
        assertThat(HexFormat.of().formatHex(bytes, 0, 2)).isEqualTo(prefixHex);
        assertThat(Arrays.copyOfRange(bytes, 2, bytes.length)).isEqualTo(key.compressed());
        assertThat(key.toString()).isEqualTo(did);
    }

    @Test
    void curvesCarryTheirMulticodecAndJwtNames() {
        assertThat(Curve.K256.jwtAlg()).isEqualTo("ES256K");
        assertThat(Curve.P256.jwtAlg()).isEqualTo("ES256");
        assertThat(Curve.K256.multicodec()).isEqualTo(0xe7);
        assertThat(Curve.P256.multicodec()).isEqualTo(0x1200);
        assertThat(Curve.K256.multicodecPrefix()).containsExactly(0xe7, 0x01);
        assertThat(Curve.P256.multicodecPrefix()).containsExactly(0x80, 0x24);
        assertThat(Curve.fromJwtAlg("ES256K")).contains(Curve.K256);
        assertThat(Curve.fromJwtAlg("ES256")).contains(Curve.P256);
        assertThat(Curve.fromJwtAlg("RS256")).isEmpty();
        assertThat(Curve.fromLegacyVerificationMethodType("Multikey")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void generatedKeysHaveTheRecognisablePrefixes(Curve curve) {
        for (int i = 0; i < 20; i++) {
            PublicKey key = SigningKey.generate(curve).publicKey();
            assertThat(key.didKey()).startsWith(curve == Curve.K256 ? "did:key:zQ3s" : "did:key:zDna");
            assertThat(DidKey.parse(key.didKey())).isEqualTo(key);
        }
    }

    @Test
    void repeatedParsesShareOneInstance() {
        String did = SigningKey.generate(Curve.K256).publicKey().didKey();
        assertThat(DidKey.parse(did)).isSameAs(DidKey.parse(did));
    }

    @ParameterizedTest
    @CsvSource({
        "did:web:example.com, NOT_DID_KEY",
        "zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc, NOT_DID_KEY",
        "DID:KEY:zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc, NOT_DID_KEY",
        "did:key:, BAD_MULTIBASE",
        "did:key:Q3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc, BAD_MULTIBASE",
        "did:key:fe70102, BAD_MULTIBASE",
        "did:key:zQ3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJw0, BAD_MULTIBASE",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK, UNSUPPORTED_KEY_TYPE",
        "did:key:z, UNSUPPORTED_KEY_TYPE",
    })
    void rejectsMalformedDidKeys(String did, CryptoKeyException.Reason reason) {
        assertThatThrownBy(() -> DidKey.parse(did))
                .isInstanceOfSatisfying(CryptoKeyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.input()).isEqualTo(did);
                });
    }

    @Test
    void namesTheUnsupportedMulticodec() {
        assertThatThrownBy(() -> DidKey.parse("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"))
                .hasMessageContaining("0xed");
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void didKeyRequiresTheCompressedPoint(Curve curve) {
        PublicKey key = SigningKey.generate(curve).publicKey();
        byte[] compressed = key.compressed();
        byte[][] badPoints = {key.uncompressed(), Arrays.copyOf(compressed, 32), Arrays.copyOf(compressed, 34),
            concat(new byte[] {4}, Arrays.copyOfRange(compressed, 1, 33)), new byte[0]};
        for (byte[] point : badPoints) {
            String did = "did:key:z" + Base58Btc.encode(concat(curve.multicodecPrefix(), point));
            assertThatThrownBy(() -> DidKey.parse(did))
                    .isInstanceOfSatisfying(CryptoKeyException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.BAD_ENCODING);
                        assertThat(e.curve()).isEqualTo(curve);
                        assertThat(e.input()).isEqualTo(did);
                    });
        }
        byte[] offCurve = concat(new byte[] {2}, fixed32(PublicKeyTest.noSquareRootX(curve)));
        String notOnCurve = "did:key:z" + Base58Btc.encode(concat(curve.multicodecPrefix(), offCurve));
        assertThatThrownBy(() -> DidKey.parse(notOnCurve))
                .isInstanceOfSatisfying(CryptoKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.NOT_ON_CURVE));
    }

    @Test
    void refusesOverlongValuesBeforeDecoding() {
        String longValue = "z" + "2".repeat(Multikey.MAX_LENGTH);
        assertThatThrownBy(() -> Multikey.parse(longValue))
                .isInstanceOfSatisfying(CryptoKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.BAD_MULTIBASE));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void legacyMultibaseHasNoMulticodecAndMayBeUncompressed(Curve curve) {
        PublicKey key = SigningKey.generate(curve).publicKey();
        assertThat(Multikey.parseLegacy(curve, "z" + Base58Btc.encode(key.compressed()))).isEqualTo(key);
        assertThat(Multikey.parseLegacy(curve, "z" + Base58Btc.encode(key.uncompressed()))).isEqualTo(key);
        assertThatThrownBy(() -> Multikey.parseLegacy(curve, key.multibase()))
                .isInstanceOfSatisfying(CryptoKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.BAD_ENCODING));
        assertThatThrownBy(() -> Multikey.parseLegacy(curve, "f" + HexFormat.of().formatHex(key.compressed())))
                .isInstanceOfSatisfying(CryptoKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.BAD_MULTIBASE));
    }
}
