package dev.skein.core.firehose;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * A well-formed frame with an {@code op} or message type this library does not know. The event-stream
 * spec tells clients to ignore such frames, not to fail, so that streams can grow new message types;
 * the frame is kept whole for callers that log or forward it.
 */
public record UnknownFrame(MapValue header, DataValue body) implements FirehoseFrame {
    public UnknownFrame {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    /** The header {@code op}. */
    public long op() {
        return header.getInt("op").orElseThrow();
    }

    /** The header {@code t}, or {@code null}. */
    public String type() {
        return header.getString("t").orElse(null);
    }

    @Override
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(header, out);
        Drisl.encode(body, out);
        return out.toByteArray();
    }
}
