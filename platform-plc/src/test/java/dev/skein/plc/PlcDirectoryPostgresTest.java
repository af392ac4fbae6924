package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.plc.store.SqlVendor;
import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link PlcDirectoryContract} on PostgreSQL, in the schema the extension gives this class. */
@RequiresPostgres
class PlcDirectoryPostgresTest extends PlcDirectoryContract {
    private final PostgresDatabase db;

    PlcDirectoryPostgresTest(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    PlcProperties properties() {
        return PlcProperties.defaults(Path.of("unused"))
                .withDatasource(PlcProperties.Datasource.server(db.jdbcUrl(), db.username(), db.password(), db.schema()));
    }

    @Test
    void theTablesAreInTheConfiguredSchema() {
        assertThat(database.vendor()).isEqualTo(SqlVendor.POSTGRESQL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('dids', 'operations')")
                .param(db.schema()).query(Integer.class).single()).isEqualTo(2);
    }
}
