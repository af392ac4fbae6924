/**
 * What the relay keeps: its event log, its upstream hosts and its accounts, in a relational database through
 * plain JDBC ({@link org.springframework.jdbc.core.JdbcTemplate}) with Flyway migrations from
 * {@code classpath:db/relay}. The same SQL runs on the embedded H2 (default, a file under the data directory)
 * and on PostgreSQL.
 *
 * <p>Durability: the sequencer acknowledges nothing (publishes no event) before its transaction committed. On
 * PostgreSQL a commit is durable when it returns (with the server's default {@code synchronous_commit}). H2 is
 * opened with {@code WRITE_DELAY=0}, so each commit is written to the database file before {@code commit()}
 * returns; H2 (MVStore) does not fsync on commit, so a killed relay process loses nothing, but a crash of the
 * operating system or a power cut may lose the last commits.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event stream: sequence numbers</a>.
 */
package dev.skein.relay.store;
