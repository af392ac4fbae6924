package dev.skein.pds.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The databases the PDS runs on, and the one thing that differs between them here: what makes a committed
 * write durable. The SQL itself is the same on both.
 */
public enum SqlVendor {
    /**
     * Embedded H2 (file mode). H2 2.x's MVStore keeps committed transactions in memory and writes them to
     * the file in the background (every {@code WRITE_DELAY}, 500 ms by default), with {@code write}, not
     * {@code fsync}. {@code CHECKPOINT SYNC} writes everything committed so far to the file and forces it
     * to disk ({@code Store.sync}: {@code MVStore.commit}, then {@code FileChannel.force}; read from H2
     * 2.4.240), after which a commit survives the process dying and the machine losing power. The PDS runs
     * it before acknowledging a write or publishing an event ({@link Transactions}).
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
        throw new IllegalArgumentException("skein.pds.datasource.url must be a jdbc:postgresql: or jdbc:h2: URL, not " + jdbcUrl);
    }

    /** Makes the transactions committed so far durable, where the commit alone does not. Runs outside a transaction. */
    public abstract void syncCommitted(JdbcClient jdbc);
}
