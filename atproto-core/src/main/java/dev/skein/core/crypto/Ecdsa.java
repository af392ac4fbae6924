package dev.skein.core.crypto;

import dev.skein.core.crypto.InvalidSignatureException.Reason;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over SHA-256 with atproto's signature form: 64-byte compact {@code r || s}, low-S.
 *
 * <p>Verification is written against BouncyCastle's point arithmetic rather than its {@code ECDSASigner}
 * so that it allocates little, never inverts in the field (the x-coordinate is compared in Jacobian
 * form), and reuses the decoded public point together with the tables BouncyCastle attaches to it.
 * {@link ECAlgorithms#sumOfTwoMultiplies} interleaves the two multiplications (Shamir's trick) with wNAF
 * tables; once both points have been used a few times (the base point from the start, see
 * {@link Curve}) it switches to fixed-point comb tables, about twice as fast.
 */
final class Ecdsa {
    /** Length of a compact signature: two 32-byte big-endian integers. */
    static final int SIGNATURE_LENGTH = 64;
    static final int SCALAR_LENGTH = 32;

    private Ecdsa() {}

    /** One digest per thread: looking the algorithm up costs about as much as hashing a commit. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    });

    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    /** Deterministic (RFC 6979, HMAC-SHA-256) signature of {@code sha256(data)}, normalised to low-S. */
    static byte[] sign(Curve curve, ECPrivateKeyParameters key, byte[] data) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(data));
        BigInteger s = rs[1];
        if (s.compareTo(curve.halfOrder()) > 0) {
            s = curve.n().subtract(s);
        }
        byte[] sig = new byte[SIGNATURE_LENGTH];
        BigIntegers.asUnsignedByteArray(rs[0], sig, 0, SCALAR_LENGTH);
        BigIntegers.asUnsignedByteArray(s, sig, SCALAR_LENGTH, SCALAR_LENGTH);
        return sig;
    }

    /**
     * Checks {@code sig} over {@code sha256(data)} against public point {@code q}.
     *
     * @return {@code null} when valid, otherwise the first rule the signature breaks
     */
    static Reason check(Curve curve, ECPoint q, byte[] data, byte[] sig, boolean allowHighS) {
        if (sig == null || sig.length != SIGNATURE_LENGTH) {
            return Reason.WRONG_LENGTH;
        }
        BigInteger n = curve.n();
        BigInteger r = new BigInteger(1, sig, 0, SCALAR_LENGTH);
        BigInteger s = new BigInteger(1, sig, SCALAR_LENGTH, SCALAR_LENGTH);
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return Reason.OUT_OF_RANGE;
        }
        if (!allowHighS && s.compareTo(curve.halfOrder()) > 0) {
            return Reason.HIGH_S;
        }
        // Both curves have 256-bit orders, so the whole digest is the integer e (no truncation).
        BigInteger e = new BigInteger(1, sha256(data));
        BigInteger w = BigIntegers.modOddInverseVar(n, s);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(curve.g(), u1, q, u2);
        return xMatches(curve, point, r) ? null : Reason.MISMATCH;
    }

    /**
     * Whether {@code x(point) mod n == r}, tested as {@code X == c * Z^2} for each field element
     * {@code c} that reduces to {@code r} mod n ({@code r}, and {@code r + n} when that is below p).
     */
    private static boolean xMatches(Curve curve, ECPoint point, BigInteger r) {
        if (point.isInfinity()) {
            return false;
        }
        ECCurve ec = point.getCurve();
        ECFieldElement x = point.getRawXCoord();
        ECFieldElement zz = point.getZCoord(0).square();
        if (ec.fromBigInteger(r).multiply(zz).equals(x)) {
            return true;
        }
        BigInteger r2 = r.add(curve.n());
        return r2.compareTo(ec.getField().getCharacteristic()) < 0
                && ec.fromBigInteger(r2).multiply(zz).equals(x);
    }
}
