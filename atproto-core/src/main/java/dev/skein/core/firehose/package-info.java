/**
 * Firehose frames: the binary WebSocket messages of {@code com.atproto.sync.subscribeRepos}.
 *
 * <p>A frame is two DRISL objects back to back, a header {@code {op, t}} and a payload, with nothing after
 * them. {@link dev.skein.core.firehose.FirehoseFrame#decode(byte[])} reads one into the typed model:
 * {@link dev.skein.core.firehose.FirehoseEvent} ({@code #commit}, {@code #sync}, {@code #identity},
 * {@code #account}, {@code #info}), {@link dev.skein.core.firehose.ErrorFrame} ({@code op: -1}), or
 * {@link dev.skein.core.firehose.UnknownFrame} for the {@code op} and {@code t} values a client must skip.
 * {@link dev.skein.core.firehose.FirehoseFrame#encode()} writes exactly the field sets the lexicon requires:
 * the deprecated {@code rebase}, {@code tooBig} and {@code blobs} are always present on {@code #commit},
 * {@code since} is present (and {@code null} on a repository's first commit), and payloads carry no
 * {@code $type} because the header's short {@code t} already names the message.
 *
 * <p>Specs: <a href="https://atproto.com/specs/event-stream">event stream</a>,
 * <a href="https://atproto.com/specs/sync">sync</a>; lexicon {@code com.atproto.sync.subscribeRepos}.
 */
package dev.skein.core.firehose;
