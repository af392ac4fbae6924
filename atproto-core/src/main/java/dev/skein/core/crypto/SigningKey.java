package dev.skein.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * A private key with its public key, for signing repository commits, PLC operations and service JWTs.
 * {@link #toString()} never shows the private scalar.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography">cryptography</a>.
 */
public final class SigningKey {
    /** Length of the raw private scalar, big-endian. */
    public static final int PRIVATE_KEY_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Curve curve;
    private final ECPrivateKeyParameters privateKey;
    private final PublicKey publicKey;

    private SigningKey(Curve curve, BigInteger d) {
        this.curve = curve;
        this.privateKey = new ECPrivateKeyParameters(d, curve.domain());
        this.publicKey = PublicKey.of(curve, new FixedPointCombMultiplier().multiply(curve.g(), d));
    }

    /** A fresh random key from {@link SecureRandom}. */
    public static SigningKey generate(Curve curve) {
        Objects.requireNonNull(curve, "curve");
        byte[] bytes = new byte[PRIVATE_KEY_LENGTH];
        while (true) {
            RANDOM.nextBytes(bytes);
            BigInteger d = new BigInteger(1, bytes);
            // Rejection sampling keeps d uniform in [1, n-1]; a retry is needed with probability < 2^-32.
            if (d.signum() > 0 && d.compareTo(curve.n()) < 0) {
                return new SigningKey(curve, d);
            }
        }
    }

    /**
     * A key from its 32-byte big-endian private scalar.
     *
     * @throws CryptoKeyException if the bytes are not 32 long or the scalar is not in {@code [1, n-1]}
     */
    public static SigningKey fromPrivateBytes(Curve curve, byte[] privateKey) {
        Objects.requireNonNull(curve, "curve");
        if (privateKey.length != PRIVATE_KEY_LENGTH) {
            throw new CryptoKeyException(CryptoKeyException.Reason.INVALID_PRIVATE_KEY, curve, null,
                    "expected " + PRIVATE_KEY_LENGTH + " bytes, got " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(curve.n()) >= 0) {
            throw new CryptoKeyException(CryptoKeyException.Reason.INVALID_PRIVATE_KEY, curve, null,
                    "scalar is not in [1, n-1]");
        }
        return new SigningKey(curve, d);
    }

    public Curve curve() {
        return curve;
    }

    /** The 32-byte big-endian private scalar. Handle with care. */
    public byte[] privateBytes() {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_LENGTH, privateKey.getD());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs {@code data} the atproto way: ECDSA over {@code sha256(data)} with a deterministic nonce
     * (RFC 6979, HMAC-SHA-256), returned as 64-byte compact {@code r || s} with low S. The same key and
     * data always give the same signature, byte for byte the one {@code @atproto/crypto} produces.
     */
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        return Ecdsa.sign(curve, privateKey, data);
    }

    @Override
    public String toString() {
        return "SigningKey[" + curve + ", " + publicKey.didKey() + "]";
    }
}
