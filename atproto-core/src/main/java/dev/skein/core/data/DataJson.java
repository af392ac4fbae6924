package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON representation of the data model, as XRPC bodies carry it: {@code {"$link": cid}} for links,
 * {@code {"$bytes": base64}} for bytes, blobs as objects.
 *
 * <p>Parsing is strict where the spec is: {@code $link} and {@code $bytes} objects have exactly one key,
 * floats are rejected, keys are unique. Like the reference implementation (whose JSON numbers are
 * JavaScript numbers), a number with an integral value written as {@code 1.0} or {@code 1e3} is taken as
 * that integer; any other fraction is an error.
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model#json-representation">data model: JSON representation</a>.
 */
public final class DataJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(DataLimits.RECORD.maxDepth() + 1)
                    .maxNumberLength(64)
                    .build())
            .build();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final java.math.BigDecimal MIN_LONG = java.math.BigDecimal.valueOf(Long.MIN_VALUE);
    private static final java.math.BigDecimal MAX_LONG = java.math.BigDecimal.valueOf(Long.MAX_VALUE);

    private DataJson() {}

    /** Parses any JSON value with the record limits. */
    public static DataValue parse(byte[] json) {
        return parse(json, DataLimits.RECORD);
    }

    public static DataValue parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8), DataLimits.RECORD);
    }

    /** Parses a JSON value that must be an object. */
    public static MapValue parseObject(byte[] json, DataLimits limits) {
        DataValue v = parse(json, limits);
        if (!(v instanceof MapValue m)) {
            throw new InvalidDataException("", "expected a JSON object, got " + v.kind());
        }
        return m;
    }

    public static DataValue parse(byte[] json, DataLimits limits) {
        if (json.length > limits.maxBytes()) {
            throw new InvalidDataException("", "JSON of " + json.length + " bytes is over the limit of " + limits.maxBytes());
        }
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidDataException("", "empty JSON");
            }
            DataValue v = read(p, t, limits, 1, "");
            if (p.nextToken() != null) {
                throw new InvalidDataException("", "trailing content after the JSON value");
            }
            return v;
        } catch (JacksonException e) {
            throw new InvalidDataException("", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads the value whose first token is {@code t}; the parser is left on its last token. */
    public static DataValue read(JsonParser p, JsonToken t, DataLimits limits, int depth, String path) {
        switch (t) {
            case START_OBJECT:
                return readObject(p, limits, depth, path);
            case START_ARRAY: {
                if (depth > limits.maxDepth()) {
                    throw new InvalidDataException(path, "nested deeper than " + limits.maxDepth());
                }
                List<DataValue> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (items.size() >= limits.maxContainerElements()) {
                        throw new InvalidDataException(path, "array longer than " + limits.maxContainerElements());
                    }
                    items.add(read(p, n, limits, depth + 1, path + "/" + items.size()));
                }
                return new ArrayValue(items);
            }
            case VALUE_STRING:
                return new StringValue(p.getString());
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new InvalidDataException(path, "integer out of the 64-bit range");
                }
                return new IntValue(p.getLongValue());
            case VALUE_NUMBER_FLOAT: {
                java.math.BigDecimal d = p.getDecimalValue();
                if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                    throw new InvalidDataException(path, "floats are not allowed in the data model: " + p.getText());
                }
                if (d.compareTo(MIN_LONG) < 0 || d.compareTo(MAX_LONG) > 0) {
                    throw new InvalidDataException(path, "integer out of the 64-bit range");
                }
                return new IntValue(d.longValueExact());
            }
            case VALUE_TRUE:
                return BoolValue.TRUE;
            case VALUE_FALSE:
                return BoolValue.FALSE;
            case VALUE_NULL:
                return NullValue.INSTANCE;
            default:
                throw new InvalidDataException(path, "unexpected JSON token " + t);
        }
    }

    private static DataValue readObject(JsonParser p, DataLimits limits, int depth, String path) {
        if (depth > limits.maxDepth()) {
            throw new InvalidDataException(path, "nested deeper than " + limits.maxDepth());
        }
        Map<String, DataValue> entries = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            if (entries.size() >= limits.maxContainerElements()) {
                throw new InvalidDataException(path, "object with more than " + limits.maxContainerElements() + " keys");
            }
            if (key.isEmpty()) {
                throw new InvalidDataException(path, "empty object key");
            }
            if (key.length() * 3 > limits.maxKeyBytes() && key.getBytes(StandardCharsets.UTF_8).length > limits.maxKeyBytes()) {
                throw new InvalidDataException(path, "object key longer than " + limits.maxKeyBytes() + " bytes");
            }
            entries.put(key, read(p, p.nextToken(), limits, depth + 1, path + "/" + key));
        }
        if (n != JsonToken.END_OBJECT) {
            throw new InvalidDataException(path, "malformed object");
        }
        DataValue special = specialObject(entries, path);
        if (special != null) {
            return special;
        }
        MapValue map = MapValue.of(entries);
        DataModel.checkMap(map, path);
        return map;
    }

    private static DataValue specialObject(Map<String, DataValue> entries, String path) {
        DataValue link = entries.get("$link");
        if (link != null) {
            if (entries.size() != 1) {
                throw new InvalidDataException(path, "a $link object must have no other keys");
            }
            if (!(link instanceof StringValue s)) {
                throw new InvalidDataException(path, "$link must be a string");
            }
            try {
                return new LinkValue(Cid.parse(s.value()));
            } catch (InvalidCidException e) {
                throw new InvalidDataException(path, "invalid $link: " + e.getMessage());
            }
        }
        DataValue bytes = entries.get("$bytes");
        if (bytes != null) {
            if (entries.size() != 1) {
                throw new InvalidDataException(path, "a $bytes object must have no other keys");
            }
            if (!(bytes instanceof StringValue s)) {
                throw new InvalidDataException(path, "$bytes must be a base64 string");
            }
            try {
                return BytesValue.owning(Base64.getDecoder().decode(s.value()));
            } catch (IllegalArgumentException e) {
                throw new InvalidDataException(path, "$bytes is not valid base64");
            }
        }
        return null;
    }

    /** Writes {@code value} as compact JSON. */
    public static byte[] write(DataValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, value);
        }
        return out.toByteArray();
    }

    public static String writeString(DataValue value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** Writes {@code value} to an open generator (for embedding data-model values in larger JSON documents). */
    public static void write(JsonGenerator g, DataValue value) {
        switch (value) {
            case NullValue n -> g.writeNull();
            case BoolValue b -> g.writeBoolean(b.value());
            case IntValue i -> g.writeNumber(i.value());
            case StringValue s -> g.writeString(s.value());
            case BytesValue b -> {
                g.writeStartObject();
                g.writeStringProperty("$bytes", B64.encodeToString(b.unsafeBytes()));
                g.writeEndObject();
            }
            case LinkValue l -> {
                g.writeStartObject();
                g.writeStringProperty("$link", l.cid().toString());
                g.writeEndObject();
            }
            case ArrayValue a -> {
                g.writeStartArray(a, a.size());
                for (DataValue item : a.items()) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case MapValue m -> {
                g.writeStartObject(m, m.size());
                for (int i = 0; i < m.size(); i++) {
                    g.writeName(m.key(i));
                    write(g, m.value(i));
                }
                g.writeEndObject();
            }
        }
    }
}
