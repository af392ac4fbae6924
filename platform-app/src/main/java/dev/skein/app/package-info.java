/**
 * The Skein executable: one Spring Boot application that runs the roles its configuration names
 * ({@code skein.roles}), each on its own port, with its state under {@code skein.data-dir}.
 *
 * <p>Roles never call each other's classes: they talk XRPC and the firehose, as atproto services do, so
 * any of them can also run in a process of its own.
 */
package dev.skein.app;
