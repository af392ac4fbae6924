package dev.skein.core.crypto;

import dev.skein.core.crypto.CryptoKeyException.Reason;
import dev.skein.core.encoding.Base58Btc;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Multikey text form of a public key, as found in a DID document's {@code publicKeyMultibase}:
 * {@code z} + base58btc(varint multicodec + 33-byte compressed point). K-256 keys start {@code zQ3s},
 * P-256 keys {@code zDna}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography#public-key-encoding">cryptography: public key
 * encoding</a>; the legacy form is in <a href="https://atproto.com/specs/did">DID</a>.
 */
public final class Multikey {
    /** The multibase prefix of base58btc, the only base atproto uses for keys. */
    public static final char BASE58BTC_PREFIX = 'z';
    /**
     * Longest value accepted, far above any real key (a Multikey is 48 characters, a legacy uncompressed
     * key 89), so junk is refused before the quadratic base58 decode.
     */
    public static final int MAX_LENGTH = 256;
    /**
     * Each cache generation holds this many keys (see {@link PublicKeyCache}), so at most twice as many
     * are kept. A key that has verified a few signatures holds about 7 KB of multiplication tables.
     */
    static final int CACHE_GENERATION_SIZE = 1024;
    /** Longest multicodec varint read when naming an unsupported key type. */
    private static final int MAX_CODEC_VARINT_BYTES = 4;

    private static final PublicKeyCache CACHE = new PublicKeyCache(CACHE_GENERATION_SIZE);

    private Multikey() {}

    /**
     * Parses a {@code publicKeyMultibase} value of a {@code Multikey} verification method. Results are
     * cached, so repeated parses of the same key return the same instance.
     *
     * @throws CryptoKeyException if it is not a base58btc multibase value holding a compressed
     *     {@code secp256k1-pub} or {@code p256-pub} key
     */
    public static PublicKey parse(String publicKeyMultibase) {
        Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        return CACHE.get(publicKeyMultibase, Multikey::decode);
    }

    /** The {@code publicKeyMultibase} value of {@code key}; same as {@link PublicKey#multibase()}. */
    public static String format(PublicKey key) {
        return key.multibase();
    }

    /**
     * Parses the deprecated {@code publicKeyMultibase} of an {@code EcdsaSecp256k1VerificationKey2019} or
     * {@code EcdsaSecp256r1VerificationKey2019} verification method: multibase of the bare SEC1 point
     * (compressed or uncompressed), with no multicodec prefix, so the curve comes from the method type
     * (see {@link Curve#fromLegacyVerificationMethodType}). Only base58btc is accepted.
     *
     * @throws CryptoKeyException if the value is not such a key
     */
    public static PublicKey parseLegacy(Curve curve, String publicKeyMultibase) {
        Objects.requireNonNull(curve, "curve");
        return PublicKey.parse(curve, multibaseBytes(publicKeyMultibase, curve));
    }

    static String encode(PublicKey key) {
        byte[] prefix = key.curve().multicodecPrefix();
        byte[] point = key.compressedUnsafe();
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + point.length);
        System.arraycopy(point, 0, bytes, prefix.length, point.length);
        return BASE58BTC_PREFIX + Base58Btc.encode(bytes);
    }

    private static PublicKey decode(String multikey) {
        byte[] bytes = multibaseBytes(multikey, null);
        for (Curve curve : Curve.values()) {
            byte[] prefix = curve.multicodecPrefix();
            if (bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
                byte[] point = Arrays.copyOfRange(bytes, prefix.length, bytes.length);
                try {
                    return PublicKey.parseCompressed(curve, point);
                } catch (CryptoKeyException e) {
                    throw new CryptoKeyException(e.reason(), curve, multikey, e.detail());
                }
            }
        }
        throw new CryptoKeyException(Reason.UNSUPPORTED_KEY_TYPE, null, multikey,
                "multicodec " + codecName(bytes) + " is neither secp256k1-pub (0xe7) nor p256-pub (0x1200)");
    }

    private static byte[] multibaseBytes(String value, Curve curve) {
        if (value.isEmpty() || value.charAt(0) != BASE58BTC_PREFIX) {
            throw new CryptoKeyException(Reason.BAD_MULTIBASE, curve, value, "expected base58btc multibase ('z' prefix)");
        }
        if (value.length() > MAX_LENGTH) {
            throw new CryptoKeyException(Reason.BAD_MULTIBASE, curve, value, "longer than " + MAX_LENGTH + " characters");
        }
        try {
            return Base58Btc.decode(value.substring(1));
        } catch (Base58Btc.InvalidBase58Exception e) {
            throw new CryptoKeyException(Reason.BAD_MULTIBASE, curve, value, e.getMessage());
        }
    }

    private static String codecName(byte[] bytes) {
        long code = 0;
        for (int i = 0; i < Math.min(bytes.length, MAX_CODEC_VARINT_BYTES); i++) {
            code |= (long) (bytes[i] & 0x7f) << (7 * i);
            if ((bytes[i] & 0x80) == 0) {
                return "0x" + Long.toHexString(code);
            }
        }
        return "(unreadable varint)";
    }
}
