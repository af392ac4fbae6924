/**
 * The directory's storage: Spring JDBC over PostgreSQL or embedded H2, the same SQL for both, migrated by
 * Flyway from {@code classpath:db/plc}. Two tables: {@code dids} (the row a writer locks) and
 * {@code operations} (every accepted operation with its CID, nullified flag and acceptance time).
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>, "Audit Logs".
 */
package dev.skein.plc.store;
