/**
 * The {@code skein} command line ({@link dev.skein.cli.SkeinCli}): picocli commands that use the services only
 * through their public XRPC API and WebSockets, as any atproto client does, and start without Spring. Exit codes
 * are in {@link dev.skein.cli.ExitCodes}; what a command needs from the process comes in a
 * {@link dev.skein.cli.CliContext}, so that tests run it in one JVM.
 */
package dev.skein.cli;
