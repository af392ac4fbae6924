/**
 * Sync: how the repositories hosted here leave the PDS. The event stream {@code subscribeRepos}
 * ({@link dev.skein.pds.sync.Firehose}: cursor replay from the stored log, then the
 * {@link dev.skein.pds.sync.LiveTail live tail}, with a replay window kept by
 * {@link dev.skein.pds.sync.EventRetention}); the repository reads of {@code com.atproto.sync}
 * ({@link dev.skein.pds.sync.HostedRepos}: CAR exports, record proofs, blocks, listings); and the crawl
 * requests that tell relays about this PDS ({@link dev.skein.pds.sync.CrawlRequests}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>,
 * <a href="https://atproto.com/specs/event-stream">event streams</a>,
 * <a href="https://atproto.com/specs/repository">repository</a> (CAR files and their block order).
 */
package dev.skein.pds.sync;
