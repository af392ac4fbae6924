package dev.skein.pds.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The databases the PDS runs on, and the one thing that differs between them here: what makes a committed
 * write durable. The SQL itself is the same on both.
 */
public enum SqlVendor {
    /**
     * Embedded H2 (file mode). With {@code WRITE_DELAY=0} H2 2.x's MVStore writes a transaction's changes
     * to the file before the commit returns (the default delay of 500 ms leaves that to a background
     * thread); but it calls {@code write}, not {@code fsync}, so a commit survives the JVM dying, not the
     * machine losing power. {@code CHECKPOINT SYNC} forces the file to disk ({@code FileChannel.force}).
     * The PDS runs it after every write transaction and before answering, so an acknowledged write is on
     * disk. (Read from H2 2.4.240: {@code TransactionStore.endTransaction} commits the store when the
     * auto-commit delay is 0; only {@code Store.sync} forces the file.)
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
