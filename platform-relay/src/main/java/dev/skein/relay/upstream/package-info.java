/**
 * The relay's upstream side: one WebSocket subscription to {@code com.atproto.sync.subscribeRepos} per PDS host,
 * resumed from the host's persisted cursor, reconnected with exponential backoff, rate-limited per host
 * (Resilience4j), with a status per host ({@code active}, {@code idle}, {@code offline}, {@code throttled},
 * {@code banned}); hosts come from configuration and from {@code com.atproto.sync.requestCrawl}, subject to an
 * allowlist and a denylist.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>,
 * <a href="https://atproto.com/specs/event-stream">event stream</a>; host management follows the indigo relay's
 * behaviour (a host check with {@code describeServer}, no subscription to other relays).
 */
package dev.skein.relay.upstream;
