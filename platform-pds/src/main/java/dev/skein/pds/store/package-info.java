/**
 * The PDS's database: the connection pool (embedded H2 file or PostgreSQL), Flyway migrations from
 * {@code classpath:db/pds}, and write transactions that are durable when acknowledged.
 *
 * <p>Tables (see {@code db/pds/V1__pds.sql}): {@code account}, {@code refresh_token}, {@code app_password},
 * {@code account_token}; the repository's {@code repo_root}, {@code repo_block} and {@code record}; and the
 * sequencer's {@code repo_seq} and {@code sequencer_state}.
 */
package dev.skein.pds.store;
