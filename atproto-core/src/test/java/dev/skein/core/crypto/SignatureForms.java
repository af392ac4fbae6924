package dev.skein.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** Other forms of a signature that verification must handle: its high-S twin, DER, and a forged edge case. */
final class SignatureForms {
    private SignatureForms() {}

    record Forged(PublicKey key, byte[] sig) {}

    /**
     * When x(R) is at least n, r is x(R) - n, and verification must try r + n as the x-coordinate. That
     * happens by chance with probability about 2^-128, so the key is forged to fit a chosen R:
     * Q = r^-1 (sR - eG) makes (r, s) a valid signature of e.
     */
    static Forged forgeWithXAboveOrder(Curve curve, byte[] data) {
        BigInteger n = curve.n();
        assertThat(curve.ecCurve().getField().getCharacteristic()).isGreaterThan(n);
        ECPoint bigR = null;
        BigInteger x = n;
        while (bigR == null) {
            x = x.add(BigInteger.ONE);
            try {
                bigR = curve.ecCurve().decodePoint(concat(new byte[] {2}, fixed32(x)));
            } catch (IllegalArgumentException notOnCurve) {
                // x^3 + ax + b has no square root: try the next x
            }
        }
        BigInteger e = new BigInteger(1, Ecdsa.sha256(data));
        BigInteger r = x.subtract(n);
        BigInteger s = BigInteger.valueOf(12345);
        ECPoint q = bigR.multiply(s).subtract(curve.g().multiply(e)).multiply(r.modInverse(n)).normalize();
        return new Forged(PublicKey.parse(curve, q.getEncoded(true)), concat(fixed32(r), fixed32(s)));
    }

    /** The same signature with {@code s} replaced by {@code n - s}. */
    static byte[] highS(Curve curve, byte[] sig) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        return concat(Arrays.copyOf(sig, 32), fixed32(curve.n().subtract(s)));
    }

    static byte[] fixed32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }


    /** DER SEQUENCE { INTEGER r, INTEGER s } of a compact signature. */
    static byte[] der(byte[] compact) {
        byte[] r = new BigInteger(1, Arrays.copyOf(compact, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)).toByteArray();
        byte[] out = new byte[6 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + r.length + s.length);
        out[2] = 0x02;
        out[3] = (byte) r.length;
        System.arraycopy(r, 0, out, 4, r.length);
        out[4 + r.length] = 0x02;
        out[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, out, 6 + r.length, s.length);
        return out;
    }
}
