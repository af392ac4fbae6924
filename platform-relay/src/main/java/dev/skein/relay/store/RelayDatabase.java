package dev.skein.relay.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's database: a connection pool, the schema migrated to the current version, a {@link JdbcTemplate}
 * and a {@link TransactionTemplate} over it. H2 when the URL starts with {@code jdbc:h2:}, PostgreSQL otherwise.
 */
public final class RelayDatabase implements AutoCloseable {
    /** Connections in the pool: the sequencer writes on one, readers (replay, queries) share the rest. */
    public static final int POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final boolean h2;

    private RelayDatabase(HikariDataSource dataSource, boolean h2) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.h2 = h2;
    }

    /**
     * Opens and migrates the database.
     *
     * @param schema the schema to create and use, or {@code null} for the connection's default
     */
    public static RelayDatabase open(String url, String username, String password, String schema) {
        Objects.requireNonNull(url, "url");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("relay");
        FluentConfiguration flyway = Flyway.configure().locations("classpath:db/relay").table("relay_schema_history");
        if (schema != null && !schema.isBlank()) {
            flyway = flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
            config.setSchema(schema);
        }
        flyway.dataSource(url, username, password).load().migrate();
        return new RelayDatabase(new HikariDataSource(config), url.startsWith("jdbc:h2:"));
    }

    /**
     * The embedded database's URL for a file path (without extension): commits are written to the file before they
     * return ({@code WRITE_DELAY=0}, see the package documentation for what that does and does not guarantee).
     */
    public static String h2FileUrl(String path) {
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    public boolean isH2() {
        return h2;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
