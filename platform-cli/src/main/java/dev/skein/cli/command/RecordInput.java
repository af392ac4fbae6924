package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.UsageError;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record given on the command line: {@code --json '{...}'}, {@code --json @file.json}, or standard input
 * ({@code --json -} or no {@code --json}). Read as the atproto data model, so {@code $link}, {@code $bytes} and
 * blobs keep their meaning.
 */
final class RecordInput {
    private RecordInput() {}

    static MapValue read(CliContext context, String json) {
        byte[] bytes = bytes(context, json);
        try {
            return DataJson.parseObject(bytes, DataLimits.RECORD);
        } catch (InvalidDataException e) {
            throw new UsageError("the record is not a JSON object of the atproto data model: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new UsageError("the record is not valid JSON: " + e.getMessage());
        }
    }

    private static byte[] bytes(CliContext context, String json) {
        try {
            if (json == null || json.equals("-")) {
                return context.stdin().readAllBytes();
            }
            if (json.startsWith("@")) {
                return Files.readAllBytes(Path.of(json.substring(1)));
            }
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record: " + e.getMessage(), e);
        }
    }

    /** The record with {@code $type} set to the collection and {@code createdAt} set to now, when missing. */
    static MapValue withTypeAndCreatedAt(MapValue record, Nsid collection, Datetime now) {
        Map<String, DataValue> entries = new LinkedHashMap<>(record.toMap());
        entries.putIfAbsent("$type", new StringValue(collection.value()));
        entries.putIfAbsent("createdAt", new StringValue(now.value()));
        return MapValue.of(entries);
    }

    /** The record with {@code $type} set to the collection when missing. */
    static MapValue withType(MapValue record, Nsid collection) {
        Map<String, DataValue> entries = new LinkedHashMap<>(record.toMap());
        entries.putIfAbsent("$type", new StringValue(collection.value()));
        return MapValue.of(entries);
    }
}
