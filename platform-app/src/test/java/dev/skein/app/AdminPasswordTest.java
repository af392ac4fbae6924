package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.xrpc.AdminCredential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {

    private static String report(DataDirectory data, AdminPassword admin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StartupReport.print(data, Map.of(), "127.0.0.1", admin, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStartGeneratesAPasswordShowsItOnceAndKeepsOnlyItsHash(@TempDir Path dir) throws Exception {
        DataDirectory data = new DataDirectory(dir);
        AdminPassword first = AdminPassword.load(data, null);
        String shown = report(data, first);
        String password = shown.lines().map(String::strip).filter(l -> l.matches("[A-Za-z0-9_-]{24}")).findFirst().orElseThrow();
        assertThat(report(data, first)).as("shown once per start").doesNotContain(password);

        Path file = dir.resolve(AdminPassword.FILE_NAME);
        String stored = Files.readString(file);
        assertThat(stored).startsWith("$pbkdf2-sha256$").doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AdminCredential.ofHash(stored).matches(password)).isTrue();

        AdminPassword second = AdminPassword.load(data, null);
        assertThat(report(data, second)).as("a later start never shows it").doesNotContain(password).doesNotContain("admin password");
        assertThat(AdminCredential.ofHash(second.hash()).matches(password)).isTrue();
        assertThat(AdminCredential.ofHash(second.hash()).matches(password + "x")).isFalse();
    }

    @Test
    void aConfiguredPasswordIsUsedAndStoredNowhere(@TempDir Path dir) {
        DataDirectory data = new DataDirectory(dir);
        AdminPassword admin = AdminPassword.load(data, "from-the-environment");
        assertThat(AdminCredential.ofHash(admin.hash()).matches("from-the-environment")).isTrue();
        assertThat(report(data, admin)).isEmpty();
        assertThat(dir.resolve(AdminPassword.FILE_NAME)).doesNotExist();
    }

    @Test
    void aDamagedHashFileIsAClearError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AdminPassword.FILE_NAME), "secret");
        assertThatThrownBy(() -> AdminPassword.load(new DataDirectory(dir), null))
                .hasMessageContaining("is damaged").hasMessageContaining("SKEIN_ADMIN_PASSWORD").hasMessageNotContaining("secret");
    }
}
