/**
 * Upstream hosts as the relay knows them: a hostname with an optional port, and the status a host has in the
 * relay ({@code active}, {@code idle}, {@code offline}, {@code throttled}, {@code banned}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>; the host statuses are
 * {@code com.atproto.sync.defs#hostStatus}.
 */
package dev.skein.relay.host;
