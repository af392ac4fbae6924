/**
 * The Skein executable: one process that runs the roles its configuration names ({@code skein.roles},
 * {@code SKEIN_ROLES} or {@code --roles=}: {@code platform}, {@code plc}, {@code pds}, {@code relay}; all by
 * default), each in a web context of its own on its own port, with its state under
 * {@code skein.data-dir}/{@code <role>}.
 *
 * <p><b>Several PDSes.</b> {@code skein.pds-instances.<name>.*} names PDS instances ({@link dev.skein.app.PdsInstance}):
 * the {@code pds} role then runs one context per instance instead of the single unnamed one. An instance's
 * {@code port} is its own (required unless {@code server.port=0}); every other key is a PDS setting that
 * overrides the shared {@code skein.pds.*} one; its data folder is {@code <data-dir>/pds-<name>} and its
 * PostgreSQL schema {@code pds_<name>} unless it names others. All register with the local PLC directory, and the
 * local relay crawls every one of them ({@code skein.relay.hosts} defaults to all local PDSes). Bad names, ports
 * and port clashes stop the start with a message naming the setting, before any role starts
 * ({@link dev.skein.app.RoleContexts#plan}). PDSes in separate processes are simply one process each with
 * {@code SKEIN_ROLES=pds} and their own {@code SKEIN_PDS_*} settings.
 *
 * <p><b>The admin password.</b> One password opens every role's admin methods ({@link dev.skein.app.AdminPassword}):
 * from {@code SKEIN_ADMIN_PASSWORD}, or generated on first start, printed once and stored only as a hash; roles
 * receive the hash as {@code skein.admin.password-hash}.
 *
 * <p><b>Shutdown.</b> Roles close last-started first, each with event loops of its own, so one role stopping never
 * cuts another's connections; each closes its WebSocket streams with {@code 1001 Going Away} before its web server's
 * graceful shutdown lets the requests in flight finish.
 *
 * <p>Roles never call each other's classes: they talk XRPC and the firehose, as atproto services do, so
 * any of them can also run in a process of its own.
 */
package dev.skein.app;
