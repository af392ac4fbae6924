/**
 * What the relay keeps: its event log, its upstream hosts and its accounts, in a relational database through
 * plain JDBC ({@link org.springframework.jdbc.core.JdbcTemplate}) with Flyway migrations from
 * {@code classpath:db/relay}. The same SQL runs on the embedded H2 (default, a file under the data directory)
 * and on PostgreSQL.
 *
 * <p>Durability: the sequencer acknowledges nothing (publishes no event) before its transaction committed. On
 * PostgreSQL a commit is durable when it returns (with the server's default {@code synchronous_commit}). H2 is
 * opened with {@code WRITE_DELAY=0}: its MVStore then stores a new chunk for every committed transaction before
 * {@code commit()} returns ({@code TransactionStore.endTransaction} calls {@code MVStore.commit()} when the
 * auto-commit delay is 0), but writes it without {@code FileChannel.force}; H2 forces the file only on a clean
 * close or a {@code CHECKPOINT SYNC}. So a killed relay process loses nothing it acknowledged ({@code RelayKillTest}),
 * while a crash of the operating system or a power cut may lose the last commits. Use PostgreSQL where that
 * matters.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#sequence-numbers">event stream: sequence numbers</a>.
 */
package dev.skein.relay.store;
