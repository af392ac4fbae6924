package dev.skein.core.firehose;

import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;

/**
 * {@code #info}: an informational message about the stream itself, not persisted and without a sequence
 * number, e.g. {@code OutdatedCursor} before replaying the whole backfill window.
 */
public record InfoEvent(String name, String message) implements FirehoseEvent {
    public static final String TYPE = "#info";
    public static final String OUTDATED_CURSOR = "OutdatedCursor";

    public InfoEvent {
        EventChecks.nonEmpty("name", name);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue body() {
        return MapValue.builder()
                .put("name", name)
                .putIfPresent("message", message == null ? null : new StringValue(message))
                .build();
    }

    static InfoEvent fromBody(Fields f) {
        return new InfoEvent(f.string("name"), f.optionalString("message"));
    }
}
