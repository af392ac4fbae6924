package dev.skein.core.firehose;

import dev.skein.core.data.DataLimits;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.DrislException;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;

/** Splits a frame into header and payload and dispatches on {@code op} and {@code t}. */
final class FrameDecoder {
    private FrameDecoder() {}

    static FirehoseFrame decode(byte[] frame) {
        if (frame.length > FirehoseFrame.MAX_FRAME_BYTES) {
            throw new InvalidFrameException(InvalidFrameException.Reason.TOO_LARGE, null,
                    "frame of " + frame.length + " bytes is over the limit of " + FirehoseFrame.MAX_FRAME_BYTES);
        }
        Drisl.Decoded header = item(frame, 0, "header");
        if (!(header.value() instanceof MapValue headerMap)) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_HEADER, null,
                    "header is a " + header.value().kind() + ", not a map");
        }
        if (!(headerMap.get("op") instanceof IntValue op)) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_HEADER, null, "header has no integer op");
        }
        Drisl.Decoded body = item(frame, header.end(), "payload");
        if (body.end() != frame.length) {
            throw new InvalidFrameException(InvalidFrameException.Reason.TRAILING_BYTES, null,
                    (frame.length - body.end()) + " bytes after the payload");
        }
        if (op.value() == FirehoseFrame.OP_ERROR) {
            return ErrorFrame.fromBody(Fields.of(body.value(), ""));
        }
        if (op.value() != FirehoseFrame.OP_MESSAGE) {
            return new UnknownFrame(headerMap, body.value());
        }
        if (!(headerMap.get("t") instanceof StringValue t)) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_HEADER, null, "message header has no string t");
        }
        return switch (t.value()) {
            case CommitEvent.TYPE -> CommitEvent.fromBody(Fields.of(body.value(), ""));
            case SyncEvent.TYPE -> SyncEvent.fromBody(Fields.of(body.value(), ""));
            case IdentityEvent.TYPE -> IdentityEvent.fromBody(Fields.of(body.value(), ""));
            case AccountEvent.TYPE -> AccountEvent.fromBody(Fields.of(body.value(), ""));
            case InfoEvent.TYPE -> InfoEvent.fromBody(Fields.of(body.value(), ""));
            default -> new UnknownFrame(headerMap, body.value());
        };
    }

    private static Drisl.Decoded item(byte[] frame, int offset, String what) {
        try {
            return Drisl.decodePrefix(frame, offset, DataLimits.FRAME);
        } catch (DrislException e) {
            throw new InvalidFrameException(InvalidFrameException.Reason.MALFORMED, null,
                    "frame " + what + " is not valid DRISL (" + e.reason() + "): " + e.getMessage(), e);
        }
    }
}
