package dev.skein.plc.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.skein.plc.PlcProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The directory's database: a connection pool on PostgreSQL (when {@code skein.plc.datasource.url} is set)
 * or on an embedded H2 file under the data directory, with the schema migrated by Flyway from
 * {@code classpath:db/plc}.
 *
 * @param dataSource the pool
 * @param vendor which database it is
 * @param schema the schema of the tables on PostgreSQL; empty on H2, which uses its default schema
 */
public record PlcDatabase(HikariDataSource dataSource, SqlVendor vendor, String schema) implements AutoCloseable {
    /** Where the migrations are. */
    public static final String MIGRATIONS = "classpath:db/plc";
    /** The embedded database's file name, without H2's {@code .mv.db}. */
    static final String H2_FILE = "plc";

    /** Opens the pool the settings describe; {@link #migrate()} before use. */
    public static PlcDatabase open(PlcProperties properties) {
        PlcProperties.Datasource ds = properties.datasource();
        String url = ds.configuredUrl().orElseGet(() -> embeddedUrl(properties.dataDir()));
        SqlVendor vendor = SqlVendor.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("skein-plc");
        config.setJdbcUrl(url);
        if (ds.username() != null) {
            config.setUsername(ds.username());
        }
        if (ds.password() != null) {
            config.setPassword(ds.password());
        }
        config.setMaximumPoolSize(ds.maxPoolSize());
        String schema = vendor == SqlVendor.POSTGRESQL ? ds.schema() : "";
        if (!schema.isEmpty()) {
            // Connection.setSchema sets the search path; the schema may not exist until migrate() creates it.
            config.setSchema(schema);
        }
        return new PlcDatabase(new HikariDataSource(config), vendor, schema);
    }

    /**
     * The embedded database's URL: a file in {@code dataDir}, with {@code WRITE_DELAY=0} so that a commit is
     * written to the file before it returns (see {@link SqlVendor#H2} for what that does and does not mean).
     */
    static String embeddedUrl(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PLC data directory " + dir
                    + " (set skein.plc.data-dir to a writable folder)", e);
        }
        return "jdbc:h2:file:" + dir.resolve(H2_FILE) + ";WRITE_DELAY=0";
    }

    /** Brings the schema up to date (creating the PostgreSQL schema if need be). */
    public Flyway migrate() {
        var config = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS);
        if (!schema.isEmpty()) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        Flyway flyway = config.load();
        flyway.migrate();
        return flyway;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
