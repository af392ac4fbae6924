package dev.skein.lexicon.runtime;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one object, as a generated {@code toValue()} does: the undeclared fields it was read with, then its
 * {@code $type} if it is a record, then each declared field through its {@link FieldCodec}. Absent optional
 * fields are left out; a nullable field that is empty is written as {@code null}.
 */
public final class ObjectWriter {
    private final Map<String, DataValue> fields = new LinkedHashMap<>();

    private ObjectWriter(MapValue others) {
        others.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
    }

    /** A writer that starts from the fields a generated type keeps but does not declare. */
    public static ObjectWriter with(MapValue others) {
        return new ObjectWriter(others);
    }

    /** Sets {@code $type}. */
    public ObjectWriter type(String type) {
        fields.put("$type", DataValue.of(type));
        return this;
    }

    public <T> ObjectWriter required(String key, T value, FieldCodec<T> codec) {
        fields.put(key, codec.write(value));
        return this;
    }

    public <T> ObjectWriter optional(String key, Optional<T> value, FieldCodec<T> codec) {
        value.ifPresent(v -> fields.put(key, codec.write(v)));
        return this;
    }

    /** A required, nullable field: empty is written as {@code null}. */
    public <T> ObjectWriter requiredNullable(String key, Optional<T> value, FieldCodec<T> codec) {
        fields.put(key, value.map(codec::write).orElse(DataValue.nullValue()));
        return this;
    }

    public MapValue build() {
        return MapValue.of(fields);
    }
}
