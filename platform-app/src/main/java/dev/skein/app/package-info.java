/**
 * The Skein executable: one process that runs the roles its configuration names ({@code skein.roles}:
 * {@code platform}, {@code plc}, {@code pds}; all by default), each in a web context of its own on its own
 * port, with its state under {@code skein.data-dir}/{@code <role>}.
 *
 * <p>Roles never call each other's classes: they talk XRPC and the firehose, as atproto services do, so
 * any of them can also run in a process of its own.
 */
package dev.skein.app;
