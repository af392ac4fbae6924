package dev.skein.pds.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdsSecretsTest {

    @Test
    void generatedOnceIntoAnOwnerOnlyFileAndReadBackTheSame(@TempDir Path dir) throws Exception {
        PdsSecrets first = PdsSecrets.load(dir, Map.of());
        Path file = dir.resolve(PdsSecrets.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        PdsSecrets second = PdsSecrets.load(dir, Map.of());
        assertThat(second.jwtSecret()).isEqualTo(first.jwtSecret()).hasSize(32);
        assertThat(second.keyEncryptionKey()).isEqualTo(first.keyEncryptionKey()).hasSize(32);
        assertThat(second.plcRotationKey().publicKey()).isEqualTo(first.plcRotationKey().publicKey());
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword()).hasSize(24);
        assertThat(first.toString()).doesNotContain(first.adminPassword())
                .contains(first.plcRotationKey().publicKey().didKey());
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly(PdsSecrets.FILE_NAME);
    }

    @Test
    void aPdsUnderThePlatformsAdminCredentialKeepsNoAdminPassword(@TempDir Path dir) throws Exception {
        PdsSecrets s = PdsSecrets.load(dir, Map.of(), false);
        assertThat(s.adminPassword()).isNull();
        assertThat(s.jwtSecret()).hasSize(32);
        assertThat(Files.readString(dir.resolve(PdsSecrets.FILE_NAME))).doesNotContain(PdsSecrets.ADMIN_PASSWORD);
    }

    @Test
    void theEnvironmentWinsOverTheFile(@TempDir Path dir) {
        byte[] jwt = Tokens.randomBytes(32);
        SigningKey rotation = SigningKey.generate(Curve.K256);
        PdsSecrets s = PdsSecrets.load(dir, Map.of(
                "SKEIN_PDS_JWT_SECRET", Base64.getEncoder().encodeToString(jwt),
                "SKEIN_PDS_PLC_ROTATION_KEY", HexFormat.of().formatHex(rotation.privateBytes()),
                "SKEIN_PDS_ADMIN_PASSWORD", "from-env"));
        assertThat(s.jwtSecret()).isEqualTo(jwt);
        assertThat(s.plcRotationKey().publicKey()).isEqualTo(rotation.publicKey());
        assertThat(s.adminPassword()).isEqualTo("from-env");
        assertThat(PdsSecrets.load(dir, Map.of()).adminPassword()).as("the file keeps its own").isNotEqualTo("from-env");
    }

    @Test
    void anUnreadableSecretStopsTheStartWithoutShowingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> PdsSecrets.load(dir, Map.of("SKEIN_PDS_KEY_ENCRYPTION_KEY", "c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key encryption key must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void tokensHaveTheirShapes() {
        assertThat(Tokens.appPassword()).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}");
        assertThat(Tokens.isAppPasswordShaped(Tokens.appPassword())).isTrue();
        assertThat(Tokens.isAppPasswordShaped("abcd-efgh-ijkl-mnop-")).isFalse();
        assertThat(Tokens.oneTimeToken()).matches("[a-z2-7]{5}-[a-z2-7]{5}");
        assertThat(Tokens.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.constantTimeEquals("a", "a")).isTrue();
        assertThat(Tokens.constantTimeEquals("a", "b")).isFalse();
    }
}
