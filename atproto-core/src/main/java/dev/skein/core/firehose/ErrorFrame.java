package dev.skein.core.firehose;

import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import java.io.ByteArrayOutputStream;

/**
 * An error frame: header {@code {op: -1}} and payload {@code {error, message?}}. The stream closes right
 * after it.
 *
 * @param error the error name as the lexicon declares it, without namespace or {@code #}
 */
public record ErrorFrame(String error, String message) implements FirehoseFrame {
    public static final String FUTURE_CURSOR = "FutureCursor";
    public static final String CONSUMER_TOO_SLOW = "ConsumerTooSlow";
    private static final MapValue HEADER = MapValue.builder().put("op", OP_ERROR).build();

    public ErrorFrame {
        EventChecks.nonEmpty("error", error);
        if (error.startsWith("#")) {
            throw EventChecks.invalid("error", "error names carry no '#': \"" + error + "\"");
        }
    }

    public MapValue body() {
        return MapValue.builder()
                .put("error", error)
                .putIfPresent("message", message == null ? null : new StringValue(message))
                .build();
    }

    @Override
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(HEADER, out);
        Drisl.encode(body(), out);
        return out.toByteArray();
    }

    static ErrorFrame fromBody(Fields f) {
        return new ErrorFrame(f.string("error"), f.optionalString("message"));
    }
}
