package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.plc.store.SqlVendor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlcDirectoryContract} on the embedded H2 file database, in a temporary data directory. */
class PlcDirectoryH2Test extends PlcDirectoryContract {
    @TempDir
    Path dataDir;

    @Override
    PlcProperties properties() {
        return PlcProperties.defaults(dataDir);
    }

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataDirectory() {
        assertThat(database.vendor()).isEqualTo(SqlVendor.H2);
        assertThat(database.dataSource().getJdbcUrl()).contains(dataDir.toAbsolutePath().toString()).endsWith(";WRITE_DELAY=0");
        assertThat(Files.exists(dataDir.resolve("plc.mv.db"))).isTrue();
    }
}
