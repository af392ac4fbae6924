package dev.skein.core.crypto;

import static dev.skein.core.crypto.SignatureForms.concat;
import static dev.skein.core.crypto.SignatureForms.der;
import static dev.skein.core.crypto.SignatureForms.fixed32;
import static dev.skein.core.crypto.SignatureForms.forgeWithXAboveOrder;
import static dev.skein.core.crypto.SignatureForms.highS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.SignatureForms.Forged;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Compares with BouncyCastle's un-normalised RFC 6979 signer under a fixed key, so the run is
     * reproducible and provably includes nonces whose raw S was high.
     */
    @ParameterizedTest
    @EnumSource(Curve.class)
    void signaturesAreCompactLowSAndVerify(Curve curve) {
        SigningKey key = SigningKey.fromPrivateBytes(curve,
                HEX.parseHex("7d2e4a1f0b9c8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e"));
        ECDSASigner raw = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        raw.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.privateBytes()), curve.domain()));
        BigInteger half = curve.n().shiftRight(1);
        int rawHigh = 0;
        for (int i = 0; i < 300; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] sig = key.sign(data);
            assertThat(sig).hasSize(64);
            BigInteger r = new BigInteger(1, Arrays.copyOf(sig, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            assertThat(s).isPositive().isLessThanOrEqualTo(half);
            BigInteger[] expected = raw.generateSignature(Ecdsa.sha256(data));
            assertThat(r).isEqualTo(expected[0]);
            if (expected[1].compareTo(half) > 0) {
                rawHigh++;
                assertThat(s).isEqualTo(curve.n().subtract(expected[1]));
            } else {
                assertThat(s).isEqualTo(expected[1]);
            }
            assertThat(key.publicKey().verify(data, sig)).isTrue();
        }
        assertThat(rawHigh).isBetween(100, 200);
    }

    /**
     * When x(R) is at least n, r is x(R) - n, and verification must try r + n as the x-coordinate. That
     * happens by chance with probability about 2^-128, so the key is forged to fit a chosen R:
     * Q = r^-1 (sR - eG) makes (r, s) a valid signature of e.
     */
    @ParameterizedTest
    @EnumSource(Curve.class)
    void acceptsASignatureWhoseXCoordinateExceedsTheOrder(Curve curve) {
        byte[] data = "forged for the r + n branch".getBytes(StandardCharsets.UTF_8);
        Forged forged = forgeWithXAboveOrder(curve, data);
        assertThat(forged.key().verify(data, forged.sig())).isTrue();
        assertThat(forged.key().verify("other data".getBytes(StandardCharsets.UTF_8), forged.sig())).isFalse();
        byte[] otherR = forged.sig().clone();
        otherR[31] ^= 1;
        assertThat(forged.key().verify(data, otherR)).isFalse();
    }

    /**
     * BouncyCastle switches a point from wNAF to fixed-point comb multiplication after a few uses, so a
     * recurring key must give the same answers before and after the switch.
     */
    @ParameterizedTest
    @EnumSource(Curve.class)
    void answersStayTheSameAsAKeyIsReused(Curve curve) {
        byte[] data = "reused".getBytes(StandardCharsets.UTF_8);
        SigningKey signer = SigningKey.generate(curve);
        PublicKey key = PublicKey.parse(curve, signer.publicKey().compressed());
        byte[] sig = signer.sign(data);
        byte[] tampered = flipLast(sig);
        Forged forged = forgeWithXAboveOrder(curve, data);
        PublicKey forgedKey = PublicKey.parse(curve, forged.key().compressed());
        for (int i = 0; i < 12; i++) {
            assertThat(key.verify(data, sig)).as("use %d", i).isTrue();
            assertThat(key.verify(data, tampered)).as("use %d", i).isFalse();
            assertThat(key.verify(data, highS(curve, sig))).as("use %d", i).isFalse();
            assertThat(key.verifyLenient(data, highS(curve, sig))).as("use %d", i).isTrue();
            assertThat(forgedKey.verify(data, forged.sig())).as("use %d", i).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signingIsDeterministic(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        byte[] data = "the same bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(key.sign(data)).isEqualTo(key.sign(data));
        SigningKey again = SigningKey.fromPrivateBytes(curve, key.privateBytes());
        assertThat(again.sign(data)).isEqualTo(key.sign(data));
        assertThat(key.sign("other bytes".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(key.sign(data));
    }

    /** RFC 6979 A.2.5 (P-256, SHA-256, "sample"); the RFC's S is high, so ours is n - S. */
    @Test
    void rfc6979KnownAnswer() {
        SigningKey key = SigningKey.fromPrivateBytes(Curve.P256,
                HEX.parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
        BigInteger rfcS = new BigInteger("f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8", 16);
        byte[] sig = key.sign("sample".getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(sig, 0, 32)).isEqualTo("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716");
        assertThat(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))).isEqualTo(Curve.P256.n().subtract(rfcS));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsTamperedDataAndSignatures(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        byte[] data = "{\"did\":\"did:plc:abc\",\"rev\":\"3jzfcijpj2z2a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(data);
        PublicKey pub = key.publicKey();
        for (int i = 0; i < data.length; i++) {
            byte[] changed = data.clone();
            changed[i] ^= 0x01;
            assertThat(pub.verify(changed, sig)).isFalse();
        }
        assertThat(pub.verify(Arrays.copyOf(data, data.length + 1), sig)).isFalse();
        assertThat(pub.verify(new byte[0], sig)).isFalse();
        for (int i = 0; i < 64; i++) {
            byte[] changed = sig.clone();
            changed[i] ^= (byte) 0x80;
            assertThat(pub.verify(data, changed)).isFalse();
            assertThat(pub.verifyLenient(data, changed)).isFalse();
        }
        assertThatThrownBy(() -> pub.verifyOrThrow(data, flipLast(sig)))
                .isInstanceOfSatisfying(InvalidSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.MISMATCH));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsSignaturesOfAnotherKey(Curve curve) {
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        byte[] sig = SigningKey.generate(curve).sign(data);
        assertThat(SigningKey.generate(curve).publicKey().verify(data, sig)).isFalse();
        Curve other = curve == Curve.K256 ? Curve.P256 : Curve.K256;
        assertThat(SigningKey.generate(other).publicKey().verify(data, sig)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsWrongLengths(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(data);
        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(sig, 63), Arrays.copyOf(sig, 65), der(sig)}) {
            assertThat(key.publicKey().verify(data, bad)).isFalse();
            assertThat(key.publicKey().verifyLenient(data, bad)).isFalse();
            assertThatThrownBy(() -> key.publicKey().verifyOrThrow(data, bad))
                    .isInstanceOfSatisfying(InvalidSignatureException.class, e -> {
                        assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.WRONG_LENGTH);
                        assertThat(e.signatureLength()).isEqualTo(bad.length);
                    });
        }
        assertThat(key.publicKey().verify(data, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsTheHighSTwinOfAValidSignatureUnlessLenient(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        byte[] high = highS(curve, key.sign(data));
        assertThat(key.publicKey().verify(data, high)).isFalse();
        assertThat(key.publicKey().verifyLenient(data, high)).isTrue();
        assertThatThrownBy(() -> key.publicKey().verifyOrThrow(data, high))
                .isInstanceOfSatisfying(InvalidSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.HIGH_S));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsOutOfRangeScalars(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(data);
        byte[] r = Arrays.copyOf(sig, 32);
        byte[] lowS = Arrays.copyOfRange(sig, 32, 64);
        byte[] n = fixed32(curve.n());
        byte[] max = fixed32(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        byte[][] bad = {concat(new byte[32], lowS), concat(r, new byte[32]), concat(n, lowS), concat(r, n),
            concat(max, lowS), concat(r, max)};
        for (byte[] b : bad) {
            assertThat(key.publicKey().verifyLenient(data, b)).isFalse();
            assertThatThrownBy(() -> key.publicKey().verifyOrThrow(data, b))
                    .isInstanceOfSatisfying(InvalidSignatureException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.OUT_OF_RANGE));
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void privateKeyBytesAreValidated(Curve curve) {
        for (byte[] bad : new byte[][] {new byte[32], fixed32(curve.n()), fixed32(curve.n().add(BigInteger.ONE)),
                new byte[31], new byte[33], fixed32(BigInteger.TWO.pow(256).subtract(BigInteger.ONE))}) {
            assertThatThrownBy(() -> SigningKey.fromPrivateBytes(curve, bad))
                    .isInstanceOfSatisfying(CryptoKeyException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.INVALID_PRIVATE_KEY);
                        assertThat(e.input()).isNull();
                    });
        }
        byte[] one = fixed32(BigInteger.ONE);
        assertThat(SigningKey.fromPrivateBytes(curve, one).publicKey().uncompressed())
                .isEqualTo(curve.g().getEncoded(false));
        byte[] max = fixed32(curve.n().subtract(BigInteger.ONE));
        assertThat(SigningKey.fromPrivateBytes(curve, max).publicKey().uncompressed())
                .isEqualTo(curve.g().negate().normalize().getEncoded(false));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void generatedKeysAreDistinctAndRoundTripTheirPrivateBytes(Curve curve) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SigningKey key = SigningKey.generate(curve);
            assertThat(key.curve()).isEqualTo(curve);
            assertThat(key.privateBytes()).hasSize(32);
            assertThat(seen.add(key.publicKey().didKey())).isTrue();
            assertThat(SigningKey.fromPrivateBytes(curve, key.privateBytes()).publicKey()).isEqualTo(key.publicKey());
        }
    }

    @Test
    void toStringDoesNotRevealThePrivateKey() {
        SigningKey key = SigningKey.generate(Curve.K256);
        assertThat(key.toString()).contains(key.publicKey().didKey())
                .doesNotContain(HEX.formatHex(key.privateBytes()));
    }

    private static byte[] flipLast(byte[] sig) {
        byte[] out = sig.clone();
        out[63] ^= 1;
        return out;
    }
}
