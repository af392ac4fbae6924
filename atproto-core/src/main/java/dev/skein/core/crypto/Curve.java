package dev.skein.core.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;

/**
 * The two elliptic curves atproto supports; both are mandatory.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography">cryptography</a>.
 */
public enum Curve {
    /** secp256k1, JWT {@code ES256K}, multicodec {@code secp256k1-pub} (0xe7). The reference's default. */
    K256("ES256K", 0xe7, "secp256k1-pub", "EcdsaSecp256k1VerificationKey2019", "secp256k1"),
    /** NIST P-256 (secp256r1), JWT {@code ES256}, multicodec {@code p256-pub} (0x1200). */
    P256("ES256", 0x1200, "p256-pub", "EcdsaSecp256r1VerificationKey2019", "secp256r1");

    private final String jwtAlg;
    private final int multicodec;
    private final String multicodecName;
    private final String legacyVerificationMethodType;
    private final byte[] multicodecPrefix;
    private final ECDomainParameters domain;
    private final BigInteger halfOrder;

    Curve(String jwtAlg, int multicodec, String multicodecName, String legacyVerificationMethodType, String bcName) {
        this.jwtAlg = jwtAlg;
        this.multicodec = multicodec;
        this.multicodecName = multicodecName;
        this.legacyVerificationMethodType = legacyVerificationMethodType;
        this.multicodecPrefix = unsignedVarint(multicodec);
        // BouncyCastle's custom curves have fast field arithmetic. Its secp256k1 instance comes with the
        // GLV endomorphism configured, but then verification never takes BouncyCastle's fixed-point comb
        // path, which a point gets after a few uses (a "promoted" point) and which halves the cost of
        // verifying with a recurring key; so we use an otherwise identical curve without the
        // endomorphism. The base point is promoted from the start.
        X9ECParameters x9 = CustomNamedCurves.getByName(bcName);
        ECCurve ec = x9.getCurve().getEndomorphism() == null
                ? x9.getCurve()
                : x9.getCurve().configure().setEndomorphism(null).create();
        if (ec.getCoordinateSystem() != ECCurve.COORD_JACOBIAN) {
            throw new IllegalStateException(bcName + ": verification assumes Jacobian coordinates");
        }
        ECPoint g = ec.importPoint(x9.getG()).normalize();
        WNafUtil.configureBasepoint(g);
        this.domain = new ECDomainParameters(ec, g, x9.getN(), x9.getH());
        this.halfOrder = x9.getN().shiftRight(1);
    }

    /** The JWT {@code alg} for signatures on this curve: {@code ES256K} or {@code ES256}. */
    public String jwtAlg() {
        return jwtAlg;
    }

    /** The multicodec code of a compressed public key on this curve. */
    public int multicodec() {
        return multicodec;
    }

    /** The multicodec name, e.g. {@code secp256k1-pub}. */
    public String multicodecName() {
        return multicodecName;
    }

    /**
     * The deprecated DID document verification method type whose {@code publicKeyMultibase} has no
     * multicodec prefix, e.g. {@code EcdsaSecp256k1VerificationKey2019}.
     */
    public String legacyVerificationMethodType() {
        return legacyVerificationMethodType;
    }

    /** The curve whose JWT {@code alg} this is, if any. */
    public static Optional<Curve> fromJwtAlg(String alg) {
        for (Curve c : values()) {
            if (c.jwtAlg.equals(alg)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The curve of a legacy verification method type, if it is one of the two. */
    public static Optional<Curve> fromLegacyVerificationMethodType(String type) {
        for (Curve c : values()) {
            if (c.legacyVerificationMethodType.equals(type)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The varint bytes of {@link #multicodec()}; callers must not modify them. */
    byte[] multicodecPrefix() {
        return multicodecPrefix;
    }

    ECDomainParameters domain() {
        return domain;
    }

    ECCurve ecCurve() {
        return domain.getCurve();
    }

    ECPoint g() {
        return domain.getG();
    }

    BigInteger n() {
        return domain.getN();
    }

    /** {@code n >> 1}: the largest {@code s} of a low-S signature. */
    BigInteger halfOrder() {
        return halfOrder;
    }

    private static byte[] unsignedVarint(int value) {
        byte[] buf = new byte[5];
        int i = 0;
        while (value >= 0x80) {
            buf[i++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        buf[i++] = (byte) value;
        return java.util.Arrays.copyOf(buf, i);
    }
}
