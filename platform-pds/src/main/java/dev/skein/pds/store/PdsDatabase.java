package dev.skein.pds.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.skein.pds.PdsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The PDS's database: a connection pool on PostgreSQL (when {@code skein.pds.datasource.url} is set) or on
 * an embedded H2 file under the data directory, with its tables migrated by Flyway from
 * {@code classpath:db/pds}.
 *
 * @param dataSource the pool
 * @param vendor which database it is
 * @param schema the schema of the tables on PostgreSQL; empty on H2, which uses its default schema
 */
public record PdsDatabase(HikariDataSource dataSource, SqlVendor vendor, String schema) implements AutoCloseable {
    /** Where the migrations are. */
    public static final String MIGRATIONS = "classpath:db/pds";
    /** Where the migrations that only PostgreSQL runs are. */
    public static final String POSTGRESQL_MIGRATIONS = "classpath:db/pds-postgresql";
    /** The embedded database's file name, without H2's {@code .mv.db}. */
    static final String H2_FILE = "pds";

    /** Opens the pool the settings describe; {@link #migrate()} before use. */
    public static PdsDatabase open(PdsProperties properties) {
        PdsProperties.Datasource ds = properties.datasource();
        String url = ds.configuredUrl().orElseGet(() -> embeddedUrl(properties.dataDir()));
        SqlVendor vendor = SqlVendor.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("skein-pds");
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
        return new PdsDatabase(new HikariDataSource(config), vendor, schema);
    }

    /**
     * The embedded database's URL: a file in {@code dataDir}, with H2's default write delay, so that a commit
     * stays in memory until the next {@code CHECKPOINT SYNC} (or at most half a second) writes every commit
     * since the last one to the file in one go: writes are acknowledged only after that sync
     * ({@link Transactions#afterDurable}), so the delay loses nothing acknowledged, and one file write
     * serves many transactions where {@code WRITE_DELAY=0} wrote one per commit. A lock wait of 10 s rather
     * than 1 s, since every event-sequencing transaction takes the same row lock, and a statement cache of
     * 64 per connection rather than 8, since a repository write runs a dozen different statements and H2
     * would otherwise parse them again every time.
     */
    static String embeddedUrl(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PDS data directory " + dir
                    + " (set skein.pds.data-dir to a writable folder)", e);
        }
        return "jdbc:h2:file:" + dir.resolve(H2_FILE) + ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    }

    /** Brings the schema up to date (creating the PostgreSQL schema if need be). */
    public Flyway migrate() {
        var config = Flyway.configure().dataSource(dataSource).locations(vendor == SqlVendor.POSTGRESQL
                ? new String[] {MIGRATIONS, POSTGRESQL_MIGRATIONS} : new String[] {MIGRATIONS});
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
