package dev.skein.lexicon.runtime;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.lexicon.runtime.LexiconDataException.Reason;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the declared fields of one object, as a generated {@code fromValue} does, and keeps the rest: every field
 * read is remembered, and {@link #others()} returns the fields that were not, so writing the object again gives
 * back the same map. Errors carry the path of the field.
 *
 * <p>An absent field and a field holding {@code null} are different things (data model spec): {@code null} is
 * read only where the schema says {@code nullable}, and is then an empty {@link Optional}.
 */
public final class ObjectReader {
    private static final String TYPE = "$type";

    private final MapValue value;
    private final Set<String> read = new HashSet<>();

    private ObjectReader(MapValue value) {
        this.value = value;
    }

    /** A reader of an object; a {@code $type} it carries is kept with the undeclared fields. */
    public static ObjectReader of(MapValue value) {
        return new ObjectReader(value);
    }

    /**
     * A reader of a record of type {@code type}: its {@code $type} must say so, and is consumed.
     *
     * @throws LexiconDataException ({@link Reason#WRONG_TYPE}) when it does not
     */
    public static ObjectReader ofRecord(MapValue value, String type) {
        DataValue actual = value.get(TYPE);
        if (!(actual instanceof StringValue s) || !s.value().equals(type)) {
            String found = actual == null ? "absent"
                    : actual instanceof StringValue other ? "\"" + other.value() + "\"" : actual.kind();
            throw new LexiconDataException(Reason.WRONG_TYPE, "/" + TYPE, "must be \"" + type + "\", not " + found);
        }
        ObjectReader reader = new ObjectReader(value);
        reader.read.add(TYPE);
        return reader;
    }

    /** A field the schema requires; {@code null} is refused. */
    public <T> T required(String key, FieldCodec<T> codec) {
        DataValue v = field(key);
        if (v == null) {
            throw new LexiconDataException(Reason.MISSING_FIELD, "/" + key, "required field is missing");
        }
        return decode(key, v, codec);
    }

    /** A field the schema does not require; absent is empty, {@code null} is refused. */
    public <T> Optional<T> optional(String key, FieldCodec<T> codec) {
        DataValue v = field(key);
        return v == null ? Optional.empty() : Optional.of(decode(key, v, codec));
    }

    /** A required, nullable field: present, and empty when it is {@code null}. */
    public <T> Optional<T> requiredNullable(String key, FieldCodec<T> codec) {
        DataValue v = field(key);
        if (v == null) {
            throw new LexiconDataException(Reason.MISSING_FIELD, "/" + key, "required field is missing");
        }
        return v instanceof NullValue ? Optional.empty() : Optional.of(decode(key, v, codec));
    }

    /** An optional, nullable field: empty when absent or {@code null} (the two are not told apart). */
    public <T> Optional<T> optionalNullable(String key, FieldCodec<T> codec) {
        DataValue v = field(key);
        return v == null || v instanceof NullValue ? Optional.empty() : Optional.of(decode(key, v, codec));
    }

    /** The fields not read so far (and a record's {@code $type} never), in a new map. */
    public MapValue others() {
        MapValue.Builder rest = MapValue.builder();
        for (Map.Entry<String, DataValue> e : value.entries()) {
            if (!read.contains(e.getKey())) {
                rest.put(e.getKey(), e.getValue());
            }
        }
        return rest.build();
    }

    private DataValue field(String key) {
        read.add(key);
        return value.get(key);
    }

    private static <T> T decode(String key, DataValue v, FieldCodec<T> codec) {
        try {
            return codec.read(v);
        } catch (LexiconDataException e) {
            throw e.within(key);
        }
    }
}
