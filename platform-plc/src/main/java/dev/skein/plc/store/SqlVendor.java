package dev.skein.plc.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The databases the directory runs on, and the one thing that differs between them here: what makes a
 * committed write durable.
 */
public enum SqlVendor {
    /**
     * Embedded H2 (file mode). H2 2.x's MVStore writes a transaction's changes to the file when it commits
     * only if {@code WRITE_DELAY} is 0 (otherwise a background thread writes them up to 500 ms later); even
     * then it calls {@code write}, not {@code fsync}, so the commit survives the JVM dying but not the
     * machine losing power. {@code CHECKPOINT SYNC} forces the file to disk ({@code FileChannel.force}); the
     * directory runs it after every accepted operation and before answering, so an acknowledged operation is
     * on disk. Reads are not affected.
     */
    H2("jdbc:h2:") {
        @Override
        public void syncCommitted(JdbcClient jdbc) {
            jdbc.sql("CHECKPOINT SYNC").update();
        }
    },
    /** PostgreSQL: with its default {@code synchronous_commit = on}, a commit returns once its WAL is flushed. */
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        public void syncCommitted(JdbcClient jdbc) {
            // Nothing to do: the commit itself waited for the WAL flush.
        }
    };

    private final String urlPrefix;

    SqlVendor(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The vendor of a JDBC URL. */
    public static SqlVendor of(String jdbcUrl) {
        for (SqlVendor v : values()) {
            if (jdbcUrl.startsWith(v.urlPrefix)) {
                return v;
            }
        }
        throw new IllegalArgumentException("skein.plc.datasource.url must be a jdbc:postgresql: or jdbc:h2: URL, not " + jdbcUrl);
    }

    /** Makes the transactions committed so far durable, where the commit alone does not. Runs outside a transaction. */
    public abstract void syncCommitted(JdbcClient jdbc);
}
