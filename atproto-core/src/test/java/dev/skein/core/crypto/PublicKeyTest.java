package dev.skein.core.crypto;

import static dev.skein.core.crypto.SignatureForms.concat;
import static dev.skein.core.crypto.SignatureForms.fixed32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeyTest {
    @ParameterizedTest
    @EnumSource(Curve.class)
    void compressedAndUncompressedFormsParseToTheSameKey(Curve curve) {
        for (int i = 0; i < 20; i++) {
            PublicKey key = SigningKey.generate(curve).publicKey();
            byte[] compressed = key.compressed();
            byte[] uncompressed = key.uncompressed();
            assertThat(compressed).hasSize(33);
            assertThat(uncompressed).hasSize(65);
            assertThat(uncompressed[0]).isEqualTo((byte) 4);
            assertThat(Arrays.copyOfRange(compressed, 1, 33)).isEqualTo(Arrays.copyOfRange(uncompressed, 1, 33));
            // The compressed prefix carries the parity of y.
            assertThat(compressed[0]).isEqualTo((byte) (2 + (uncompressed[64] & 1)));
            PublicKey fromCompressed = PublicKey.parse(curve, compressed);
            PublicKey fromUncompressed = PublicKey.parse(curve, uncompressed);
            assertThat(fromCompressed).isEqualTo(key).hasSameHashCodeAs(key);
            assertThat(fromUncompressed).isEqualTo(key);
            assertThat(fromUncompressed.uncompressed()).isEqualTo(uncompressed);
            assertThat(fromCompressed.curve()).isEqualTo(curve);
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void accessorsReturnCopies(Curve curve) {
        PublicKey key = SigningKey.generate(curve).publicKey();
        String did = key.didKey();
        key.compressed()[5] ^= 1;
        key.uncompressed()[5] ^= 1;
        assertThat(key.didKey()).isEqualTo(did);
        assertThat(PublicKey.parse(curve, key.compressed())).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsMalformedEncodings(Curve curve) {
        byte[] compressed = SigningKey.generate(curve).publicKey().compressed();
        byte[] uncompressed = SigningKey.generate(curve).publicKey().uncompressed();
        byte[] hybrid = uncompressed.clone();
        hybrid[0] = (byte) (6 + (uncompressed[64] & 1));
        byte[] wrongTag = compressed.clone();
        wrongTag[0] = 4;
        byte[][] bad = {new byte[0], new byte[] {0}, Arrays.copyOf(compressed, 32), Arrays.copyOf(compressed, 34),
            wrongTag, Arrays.copyOf(uncompressed, 64), hybrid, concat(new byte[] {2}, new byte[64])};
        for (byte[] b : bad) {
            assertThatThrownBy(() -> PublicKey.parse(curve, b))
                    .isInstanceOfSatisfying(CryptoKeyException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.BAD_ENCODING);
                        assertThat(e.curve()).isEqualTo(curve);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsPointsNotOnTheCurve(Curve curve) {
        BigInteger p = curve.ecCurve().getField().getCharacteristic();
        byte[] uncompressed = SigningKey.generate(curve).publicKey().uncompressed();
        byte[] offCurve = uncompressed.clone();
        offCurve[64] ^= 1;
        byte[][] bad = {offCurve, concat(new byte[] {2}, fixed32(p)), concat(new byte[] {3}, fixed32(p.add(BigInteger.ONE))),
            concat(new byte[] {2}, fixed32(noSquareRootX(curve))), concat(new byte[] {4}, new byte[64])};
        for (byte[] b : bad) {
            assertThatThrownBy(() -> PublicKey.parse(curve, b))
                    .isInstanceOfSatisfying(CryptoKeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(CryptoKeyException.Reason.NOT_ON_CURVE));
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void keysOfDifferentCurvesAreNeverEqual(Curve curve) {
        Curve other = curve == Curve.K256 ? Curve.P256 : Curve.K256;
        // Some x-coordinates are on both curves; find one to compare the same bytes under each.
        BigInteger x = BigInteger.ONE;
        while (true) {
            byte[] bytes = concat(new byte[] {2}, fixed32(x));
            try {
                PublicKey a = PublicKey.parse(curve, bytes);
                PublicKey b = PublicKey.parse(other, bytes);
                assertThat(a).isNotEqualTo(b);
                assertThat(a.didKey()).isNotEqualTo(b.didKey());
                return;
            } catch (CryptoKeyException notOnBoth) {
                x = x.add(BigInteger.ONE);
            }
        }
    }

    /** An x below p for which x^3 + ax + b is not a square, so no point has it. */
    static BigInteger noSquareRootX(Curve curve) {
        BigInteger x = BigInteger.ONE;
        while (true) {
            try {
                curve.ecCurve().decodePoint(concat(new byte[] {2}, fixed32(x)));
                x = x.add(BigInteger.ONE);
            } catch (IllegalArgumentException e) {
                return x;
            }
        }
    }
}
