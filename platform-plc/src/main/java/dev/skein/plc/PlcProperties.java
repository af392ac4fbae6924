package dev.skein.plc;

import dev.skein.core.identity.PlcOp;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PLC directory's settings ({@code skein.plc.*}), with their defaults here.
 *
 * @param dataDir where the embedded database lives (when no {@code datasource.url} is set)
 * @param datasource the database: PostgreSQL when {@code url} is set, otherwise embedded H2 under {@code dataDir}
 * @param limits what a client may send
 */
@ConfigurationProperties("skein.plc")
public record PlcProperties(
        @DefaultValue("data/plc") Path dataDir,
        @DefaultValue Datasource datasource,
        @DefaultValue Limits limits) {

    public PlcProperties {
        Objects.requireNonNull(dataDir, "skein.plc.data-dir");
        Objects.requireNonNull(datasource, "skein.plc.datasource");
        Objects.requireNonNull(limits, "skein.plc.limits");
    }

    /** The defaults, with the embedded database in {@code dataDir}. */
    public static PlcProperties defaults(Path dataDir) {
        return new PlcProperties(dataDir, Datasource.EMBEDDED, Limits.DEFAULT);
    }

    /** These settings with other limits. */
    public PlcProperties withLimits(Limits limits) {
        return new PlcProperties(dataDir, datasource, limits);
    }

    /** These settings with another database. */
    public PlcProperties withDatasource(Datasource datasource) {
        return new PlcProperties(dataDir, datasource, limits);
    }

    /**
     * The database connection.
     *
     * @param url a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL; empty for the embedded H2 file database
     * @param username user name, for a server database
     * @param password password, for a server database
     * @param schema the schema the tables live in on PostgreSQL (created if missing); H2 uses its default schema
     * @param maxPoolSize most connections open at once
     */
    public record Datasource(
            String url,
            String username,
            String password,
            @DefaultValue("plc") String schema,
            @DefaultValue("10") int maxPoolSize) {

        public static final Datasource EMBEDDED = new Datasource(null, null, null, "plc", 10);

        public Datasource {
            if (schema == null || !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("skein.plc.datasource.schema must be a plain SQL identifier: " + schema);
            }
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("skein.plc.datasource.max-pool-size must be at least 1: " + maxPoolSize);
            }
        }

        /** A server database at {@code url} with tables in {@code schema}. */
        public static Datasource server(String url, String username, String password, String schema) {
            return new Datasource(url, username, password, schema, 10);
        }

        /** The configured URL, if any. */
        public Optional<String> configuredUrl() {
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
        }
    }

    /**
     * Limits on what clients send. A limit that is broken is answered with a JSON error and nothing is stored.
     *
     * @param maxRequestBytes largest request body accepted (larger: 413)
     * @param maxOperationBytes largest operation, in DRISL bytes with its signature; at most {@link PlcOp#MAX_BYTES}
     *     (the reference directory accepts 4000)
     * @param opsPerHour most operations a DID may have accepted in any hour; 0 for no limit
     * @param opsPerDay most operations in any 24 hours; 0 for no limit
     * @param opsPerWeek most operations in any 7 days; 0 for no limit
     */
    public record Limits(
            @DefaultValue("32768") int maxRequestBytes,
            @DefaultValue("4000") int maxOperationBytes,
            @DefaultValue("10") int opsPerHour,
            @DefaultValue("30") int opsPerDay,
            @DefaultValue("100") int opsPerWeek) {

        /** The reference directory's limits: 4000-byte operations; 10 an hour, 30 a day, 100 a week. */
        public static final Limits DEFAULT = new Limits(32768, 4000, 10, 30, 100);

        public Limits {
            if (maxRequestBytes < 1) {
                throw new IllegalArgumentException("skein.plc.limits.max-request-bytes must be positive: " + maxRequestBytes);
            }
            if (maxOperationBytes < 1 || maxOperationBytes > PlcOp.MAX_BYTES) {
                throw new IllegalArgumentException("skein.plc.limits.max-operation-bytes must be 1 to "
                        + PlcOp.MAX_BYTES + " (the did:plc limit): " + maxOperationBytes);
            }
            if (opsPerHour < 0 || opsPerDay < 0 || opsPerWeek < 0) {
                throw new IllegalArgumentException("skein.plc.limits.ops-per-* must not be negative");
            }
        }
    }
}
