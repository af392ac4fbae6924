package dev.skein.plc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlVendorTest {

    @Test
    void theVendorComesFromTheJdbcUrl() {
        assertThat(SqlVendor.of("jdbc:postgresql://127.0.0.1:5432/skein")).isEqualTo(SqlVendor.POSTGRESQL);
        assertThat(SqlVendor.of("jdbc:h2:file:/tmp/x")).isEqualTo(SqlVendor.H2);
        assertThatThrownBy(() -> SqlVendor.of("jdbc:mysql://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void theEmbeddedDatabaseIsWrittenAtEachCommit(@TempDir Path dir) {
        String url = PlcDatabase.embeddedUrl(dir.resolve("nested/plc"));
        assertThat(url).isEqualTo("jdbc:h2:file:" + dir.resolve("nested/plc/plc").toAbsolutePath() + ";WRITE_DELAY=0");
        assertThat(dir.resolve("nested/plc")).isDirectory();
    }
}
