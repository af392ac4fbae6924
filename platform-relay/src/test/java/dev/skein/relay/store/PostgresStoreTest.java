package dev.skein.relay.store;

import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on PostgreSQL; each test gets a schema of its own inside the class's database. */
@RequiresPostgres
class PostgresStoreTest extends StoreContract {
    private PostgresDatabase pg;
    private RelayDatabase db;
    private String schema;

    @BeforeEach
    void server(PostgresDatabase pg) {
        this.pg = pg;
    }

    @Override
    RelayDatabase db() {
        schema = pg.schema() + "_" + UUID.randomUUID().toString().substring(0, 6);
        db = RelayDatabase.open(pg.jdbcUrl(), pg.username(), pg.password(), schema);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.jdbc().execute("DROP SCHEMA " + schema + " CASCADE");
            db.close();
        }
    }
}
