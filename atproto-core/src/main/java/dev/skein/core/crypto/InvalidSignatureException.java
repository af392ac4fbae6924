package dev.skein.core.crypto;

/**
 * A signature that does not verify under atproto's rules, with the rule it broke.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography#ecdsa-signature-malleability">cryptography:
 * ECDSA signature malleability</a>.
 */
public final class InvalidSignatureException extends RuntimeException {
    /** Why the signature was rejected. */
    public enum Reason {
        /** Not exactly 64 bytes of compact {@code r || s} (a DER signature lands here). */
        WRONG_LENGTH,
        /** {@code r} or {@code s} is zero or not below the curve order. */
        OUT_OF_RANGE,
        /** {@code s > n/2}: mathematically valid, but malleable and so invalid in atproto. */
        HIGH_S,
        /** Well-formed, but not a signature of this data by this key. */
        MISMATCH
    }

    private final Reason reason;
    private final Curve curve;
    private final int signatureLength;

    public InvalidSignatureException(Reason reason, Curve curve, int signatureLength) {
        super("invalid " + curve.jwtAlg() + " signature (" + signatureLength + " bytes): " + reason);
        this.reason = reason;
        this.curve = curve;
        this.signatureLength = signatureLength;
    }

    public Reason reason() {
        return reason;
    }

    public Curve curve() {
        return curve;
    }

    public int signatureLength() {
        return signatureLength;
    }
}
