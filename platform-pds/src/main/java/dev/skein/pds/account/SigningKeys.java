package dev.skein.pds.account;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.syntax.Did;
import dev.skein.pds.secrets.KeyEncryption;
import java.util.Arrays;

/**
 * Account signing keys: K-256, generated here, stored sealed with the PDS's key encryption key and the
 * account's DID (see {@link KeyEncryption}).
 */
public final class SigningKeys {
    private final KeyEncryption encryption;
    private final AccountStore accounts;

    public SigningKeys(KeyEncryption encryption, AccountStore accounts) {
        this.encryption = encryption;
        this.accounts = accounts;
    }

    public SigningKey generate() {
        return SigningKey.generate(Curve.K256);
    }

    public byte[] seal(Did did, SigningKey key) {
        byte[] raw = key.privateBytes();
        try {
            return encryption.seal(raw, did.value());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The account's key; an {@link IllegalStateException} if it has none (deleted) or it does not open. */
    public SigningKey load(Did did) {
        byte[] sealed = accounts.sealedSigningKey(did)
                .orElseThrow(() -> new IllegalStateException("no signing key stored for " + did));
        byte[] raw = encryption.open(sealed, did.value());
        try {
            return SigningKey.fromPrivateBytes(Curve.K256, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
