package dev.skein.core.crypto;

import java.util.Objects;

/**
 * The {@code did:key} form of a public key: {@code did:key:} + its Multikey value. atproto uses it inside
 * did:plc operations and for service signing keys. Only the compressed point is valid in a did:key.
 *
 * <p>Spec: <a href="https://atproto.com/specs/cryptography#public-key-encoding">cryptography: public key
 * encoding</a>.
 */
public final class DidKey {
    public static final String PREFIX = "did:key:";

    private DidKey() {}

    /**
     * Parses a did:key. Parsed keys are cached (see {@link Multikey#parse}), so verifying many signatures
     * by the same key decodes it once.
     *
     * @throws CryptoKeyException if it is not a did:key of a compressed K-256 or P-256 key
     */
    public static PublicKey parse(String didKey) {
        Objects.requireNonNull(didKey, "didKey");
        if (!didKey.startsWith(PREFIX)) {
            throw new CryptoKeyException(CryptoKeyException.Reason.NOT_DID_KEY, null, didKey,
                    "expected the prefix " + PREFIX);
        }
        try {
            return Multikey.parse(didKey.substring(PREFIX.length()));
        } catch (CryptoKeyException e) {
            throw new CryptoKeyException(e.reason(), e.curve(), didKey, e.detail());
        }
    }

    /** The did:key of {@code key}; same as {@link PublicKey#didKey()}. */
    public static String format(PublicKey key) {
        return key.didKey();
    }
}
