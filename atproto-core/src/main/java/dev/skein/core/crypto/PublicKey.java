package dev.skein.core.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A public key on one of atproto's curves, decoded once: the instance keeps the curve point (and the
 * precomputation tables verification attaches to it), so reuse instances rather than re-parsing.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography">cryptography</a>.
 */
public final class PublicKey {
    /** SEC1 compressed point: {@code 0x02}/{@code 0x03} then X. */
    public static final int COMPRESSED_LENGTH = 33;
    /** SEC1 uncompressed point: {@code 0x04}, X, Y. */
    public static final int UNCOMPRESSED_LENGTH = 65;

    private final Curve curve;
    private final ECPoint point;
    private final byte[] compressed;
    private final int hash;
    private String multibase;

    private PublicKey(Curve curve, ECPoint point) {
        this.curve = curve;
        this.point = point;
        this.compressed = point.getEncoded(true);
        this.hash = 31 * curve.hashCode() + Arrays.hashCode(compressed);
    }

    /**
     * Parses a SEC1 point, compressed (33 bytes) or uncompressed (65 bytes), checking it is on the curve.
     *
     * @throws CryptoKeyException if the bytes are not such a point
     */
    public static PublicKey parse(Curve curve, byte[] encoded) {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(encoded, "encoded");
        boolean compressedForm = encoded.length == COMPRESSED_LENGTH && (encoded[0] == 0x02 || encoded[0] == 0x03);
        boolean uncompressedForm = encoded.length == UNCOMPRESSED_LENGTH && encoded[0] == 0x04;
        if (!compressedForm && !uncompressedForm) {
            throw new CryptoKeyException(CryptoKeyException.Reason.BAD_ENCODING, curve, HexFormat.of().formatHex(encoded),
                    "expected a 33-byte compressed or 65-byte uncompressed SEC1 point");
        }
        return new PublicKey(curve, decode(curve, encoded));
    }

    /** Parses only the 33-byte compressed form, as did:key and Multikey require. */
    static PublicKey parseCompressed(Curve curve, byte[] encoded) {
        if (encoded.length != COMPRESSED_LENGTH || (encoded[0] != 0x02 && encoded[0] != 0x03)) {
            throw new CryptoKeyException(CryptoKeyException.Reason.BAD_ENCODING, curve, HexFormat.of().formatHex(encoded),
                    "expected a 33-byte compressed SEC1 point");
        }
        return new PublicKey(curve, decode(curve, encoded));
    }

    /** A key from a point already known to be valid (computed from a private key). */
    static PublicKey of(Curve curve, ECPoint point) {
        return new PublicKey(curve, point.normalize());
    }

    private static ECPoint decode(Curve curve, byte[] encoded) {
        try {
            // decodePoint checks that x is below p, that a compressed x has a square root, and that an
            // uncompressed point satisfies the curve equation.
            return curve.ecCurve().decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new CryptoKeyException(CryptoKeyException.Reason.NOT_ON_CURVE, curve, HexFormat.of().formatHex(encoded),
                    "not a point of the curve");
        }
    }

    public Curve curve() {
        return curve;
    }

    /** The 33-byte SEC1 compressed point. */
    public byte[] compressed() {
        return compressed.clone();
    }

    /** The 65-byte SEC1 uncompressed point. */
    public byte[] uncompressed() {
        return point.getEncoded(false);
    }

    /**
     * Verifies an atproto signature: {@code sig} must be exactly 64 bytes {@code r || s} with low S, and
     * {@code data} is hashed with SHA-256 before verification. DER and high-S signatures are rejected.
     */
    public boolean verify(byte[] data, byte[] sig) {
        return Ecdsa.check(curve, point, data, sig, false) == null;
    }

    /**
     * Like {@link #verify} but also accepts high-S signatures. Only for inter-service JWTs, where the
     * reference implementation verifies with {@code allowMalleableSig}; DER is still rejected, since a JWS
     * ECDSA signature is always {@code r || s}.
     */
    public boolean verifyLenient(byte[] data, byte[] sig) {
        return Ecdsa.check(curve, point, data, sig, true) == null;
    }

    /**
     * Strict verification as in {@link #verify} that says why a signature is refused.
     *
     * @throws InvalidSignatureException if the signature is not valid
     */
    public void verifyOrThrow(byte[] data, byte[] sig) {
        InvalidSignatureException.Reason reason = Ecdsa.check(curve, point, data, sig, false);
        if (reason != null) {
            throw new InvalidSignatureException(reason, curve, sig == null ? 0 : sig.length);
        }
    }

    /** The Multikey {@code publicKeyMultibase} value: {@code z} + base58btc(multicodec varint + compressed point). */
    public String multibase() {
        String m = multibase;
        if (m == null) {
            m = Multikey.encode(this);
            multibase = m;
        }
        return m;
    }

    /** {@code did:key:} + {@link #multibase()}. */
    public String didKey() {
        return DidKey.PREFIX + multibase();
    }

    ECPoint point() {
        return point;
    }

    byte[] compressedUnsafe() {
        return compressed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && k.curve == curve && Arrays.equals(k.compressed, compressed);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return didKey();
    }
}
