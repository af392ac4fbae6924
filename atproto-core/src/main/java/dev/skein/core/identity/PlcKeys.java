package dev.skein.core.identity;

import dev.skein.core.crypto.CryptoKeyException;
import dev.skein.core.crypto.DidKey;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.encoding.Base58Btc;
import dev.skein.core.identity.PlcOperationException.Reason;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The {@code did:key} side of did:plc: signing operations, checking their signatures, rendering keys. */
final class PlcKeys {
    static final String K256_CONTEXT = "https://w3id.org/security/suites/secp256k1-2019/v1";
    static final String P256_CONTEXT = "https://w3id.org/security/suites/ecdsa-2019/v1";

    private PlcKeys() {}

    /** The {@code sig} value for {@code op}: base64url, no padding, of the signature over its unsigned bytes. */
    static String sign(PlcOp op, SigningKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(op.unsignedBytes()));
    }

    /**
     * The index of the first key in {@code allowed} that made the signature of {@code op}. As in the
     * reference implementations, a key that is not a valid did:key fails the check outright.
     */
    static int signerIndex(PlcOp op, List<String> allowed) {
        if (allowed.isEmpty()) {
            throw new PlcOperationException(Reason.INVALID_SIGNATURE, "no rotation key may sign this operation");
        }
        byte[] sig = op.signatureBytes();
        byte[] data = op.unsignedBytes();
        for (int i = 0; i < allowed.size(); i++) {
            if (rotationKey(allowed.get(i)).verify(data, sig)) {
                return i;
            }
        }
        throw new PlcOperationException(Reason.INVALID_SIGNATURE,
                "signature is not by any of the " + allowed.size() + " rotation keys allowed to sign it");
    }

    static PublicKey rotationKey(String didKey) {
        try {
            return DidKey.parse(didKey);
        } catch (CryptoKeyException e) {
            throw new PlcOperationException(Reason.INVALID_KEY, "rotation key is not a K-256 or P-256 did:key: " + e.getMessage());
        }
    }

    /** Whether {@code value} is {@code did:key:} and a base58btc multibase value, of any key type. */
    static boolean isDidKeySyntax(String value) {
        if (!value.startsWith(DidKey.PREFIX + Multikey.BASE58BTC_PREFIX)) {
            return false;
        }
        try {
            return Base58Btc.decode(value.substring(DidKey.PREFIX.length() + 1)).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The security suite context of a key's curve, which the reference lists in the document's {@code @context}. */
    static Optional<String> suiteContext(String didKey) {
        try {
            return Optional.of(switch (DidKey.parse(didKey).curve()) {
                case K256 -> K256_CONTEXT;
                case P256 -> P256_CONTEXT;
            });
        } catch (CryptoKeyException e) {
            return Optional.empty();
        }
    }

    /** The {@code publicKeyMultibase} of a did:key value: the value without its {@code did:key:} prefix. */
    static String multibase(String didKey) {
        return didKey.startsWith(DidKey.PREFIX) ? didKey.substring(DidKey.PREFIX.length()) : didKey;
    }
}
