package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a DID's audit log ({@code /:did/log/audit}): an operation with the CID, acceptance time
 * and nullified flag the directory recorded for it. The audit log holds nullified operations too.
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>, "Audit Logs".
 *
 * @param did the DID the operation belongs to
 * @param operation the signed operation
 * @param cid the CID of the operation, as the directory claims it
 * @param nullified whether a recovery operation has overridden it
 * @param createdAt when the directory accepted it
 */
public record PlcLogEntry(Did did, PlcOp operation, Cid cid, boolean nullified, Instant createdAt) {
    /** Limits for an audit log as JSON: up to 16 MiB, far more operations than rate limits allow one DID. */
    public static final DataLimits JSON_LIMITS = new DataLimits(16 << 20, 12, 100_000, 1024);

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public PlcLogEntry {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Parses an audit log: a JSON array of entries. */
    public static List<PlcLogEntry> parseAuditLog(byte[] json) {
        DataValue value;
        try {
            value = DataJson.parse(json, JSON_LIMITS);
        } catch (InvalidDataException e) {
            throw PlcFields.malformed("audit log is not JSON of the data model: " + e.getMessage());
        }
        if (!(value instanceof ArrayValue array)) {
            throw PlcFields.malformed("an audit log is a JSON array");
        }
        List<PlcLogEntry> entries = new ArrayList<>(array.size());
        for (DataValue item : array.items()) {
            entries.add(fromValue(item));
        }
        return List.copyOf(entries);
    }

    public static List<PlcLogEntry> parseAuditLog(String json) {
        return parseAuditLog(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one entry; fields other than the five of an audit entry are ignored. */
    public static PlcLogEntry fromValue(DataValue value) {
        if (!(value instanceof MapValue map)) {
            throw PlcFields.malformed("an audit log entry is an object, not " + value.kind());
        }
        if (!(map.get("nullified") instanceof BoolValue nullified)) {
            throw PlcFields.malformed("audit log entry needs a boolean \"nullified\"");
        }
        DataValue op = map.get("operation");
        if (op == null) {
            throw PlcFields.malformed("audit log entry needs an \"operation\"");
        }
        String createdAt = PlcFields.string(map, "createdAt");
        Instant at;
        try {
            at = Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw PlcFields.malformed("createdAt is not a timestamp: " + createdAt);
        }
        Did did;
        try {
            did = Did.parse(PlcFields.string(map, "did"));
        } catch (InvalidSyntaxException e) {
            throw PlcFields.malformed("audit log entry has an invalid did: " + e.getMessage());
        }
        return new PlcLogEntry(did, PlcOp.fromValue(op),
                PlcFields.cid(PlcFields.string(map, "cid")), nullified.value(), at);
    }

    public MapValue toValue() {
        return MapValue.builder()
                .put("did", did.value())
                .put("operation", operation.toValue())
                .put("cid", cid.toString())
                .put("nullified", nullified)
                .put("createdAt", MILLIS.format(createdAt))
                .build();
    }

    /** An audit log as JSON, as the directory serves it. */
    public static String toJson(List<PlcLogEntry> entries) {
        List<DataValue> items = new ArrayList<>(entries.size());
        for (PlcLogEntry e : entries) {
            items.add(e.toValue());
        }
        return DataJson.writeString(new ArrayValue(items));
    }
}
