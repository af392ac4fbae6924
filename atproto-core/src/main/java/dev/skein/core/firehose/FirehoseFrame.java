package dev.skein.core.firehose;

/**
 * One binary frame of a {@code subscribeRepos} stream: a header and a payload, each DRISL.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream#framing">event stream: framing</a>.
 */
public sealed interface FirehoseFrame permits FirehoseEvent, ErrorFrame, UnknownFrame {
    /** The sync spec's hard limit on a frame, encoding overhead included. */
    int MAX_FRAME_BYTES = 5_000_000;
    /** Header {@code op} of a message. */
    int OP_MESSAGE = 1;
    /** Header {@code op} of an error, after which the stream closes. */
    int OP_ERROR = -1;

    /** The frame's bytes: header then payload. */
    byte[] encode();

    /**
     * Reads one frame. Unknown {@code op} or {@code t} values come back as {@link UnknownFrame}, for the
     * caller to skip; anything malformed, or a known message that breaks the lexicon, is an
     * {@link InvalidFrameException}.
     */
    static FirehoseFrame decode(byte[] frame) {
        return FrameDecoder.decode(frame);
    }
}
