package dev.skein.pds.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyEncryptionTest {
    private final KeyEncryption kek = new KeyEncryption(Tokens.randomBytes(32));

    @Test
    void sealedKeysOpenOnlyWithTheSameKeyAndDid() {
        byte[] key = Tokens.randomBytes(32);
        byte[] sealed = kek.seal(key, "did:plc:alice");
        assertThat(sealed).hasSize(1 + 12 + 32 + 16);
        assertThat(sealed[0]).isEqualTo(KeyEncryption.VERSION);
        assertThat(kek.open(sealed, "did:plc:alice")).isEqualTo(key);
        assertThat(kek.seal(key, "did:plc:alice")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> kek.open(sealed, "did:plc:mallory")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyEncryption(Tokens.randomBytes(32)).open(sealed, "did:plc:alice"))
                .isInstanceOf(IllegalStateException.class);
        sealed[20] ^= 1;
        assertThatThrownBy(() -> kek.open(sealed, "did:plc:alice")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kek.open(new byte[5], "did:plc:alice")).isInstanceOf(IllegalStateException.class);
    }
}
