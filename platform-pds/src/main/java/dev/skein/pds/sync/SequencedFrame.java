package dev.skein.pds.sync;

import java.util.Objects;

/**
 * One stored event of the log: its seq and the whole frame as it is sent (header and body, the seq inside).
 *
 * @param seq the event's sequence number
 * @param frame the frame's bytes; shared, not copied
 */
public record SequencedFrame(long seq, byte[] frame) {
    public SequencedFrame {
        Objects.requireNonNull(frame, "frame");
    }
}
