package dev.skein.core.lexicon;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BlobRef;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.DataModel;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One validation run: walks a value against a schema and collects every error. A value of the wrong type is
 * one error and is not looked into further; the other rules are all checked.
 */
final class DataValidator {
    private final LexiconCatalog catalog;
    private final List<ValidationError> errors = new ArrayList<>();

    DataValidator(LexiconCatalog catalog) {
        this.catalog = catalog;
    }

    List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    void error(String path, ValidationRule rule, String message) {
        errors.add(new ValidationError(path, rule, message));
    }

    /** A record value (also a ref's or union member's): {@code $type} must name it, then its object. */
    void record(LexRecord schema, SchemaRef ref, MapValue value, String path) {
        DataValue type = value.get("$type");
        if (!(type instanceof StringValue s)) {
            error(path + "/$type", ValidationRule.RECORD_TYPE, path + "/$type must be a string");
        } else if (!s.value().equals(ref.toString())) {
            error(path + "/$type", ValidationRule.RECORD_TYPE,
                    "Invalid $type: must be " + ref + ", got " + s.value());
        }
        object(schema.record(), value, path);
    }

    void value(LexFieldType type, DataValue value, String path) {
        switch (type) {
            case LexNull n -> expect(value instanceof NullValue, path, "null");
            case LexBoolean b -> {
                if (expect(value instanceof BoolValue, path, "a boolean")) {
                    boolean v = ((BoolValue) value).value();
                    b.constValue().filter(c -> c != v).ifPresent(c ->
                            error(path, ValidationRule.CONST, path + " must be " + c));
                }
            }
            case LexInteger i -> {
                if (expect(value instanceof IntValue, path, "an integer")) {
                    integer(i, ((IntValue) value).value(), path);
                }
            }
            case LexString s -> {
                if (expect(value instanceof StringValue, path, "a string")) {
                    StringChecks.check(this, s, ((StringValue) value).value(), path);
                }
            }
            case LexBytes b -> {
                if (expect(value instanceof BytesValue, path, "a byte array")) {
                    length(((BytesValue) value).length(), b.minLength(), b.maxLength(), path, "bytes");
                }
            }
            case LexCidLink c -> expect(value instanceof LinkValue, path, "a CID link");
            case LexBlob b -> blob(b, value, path);
            case LexArray a -> {
                if (expect(value instanceof ArrayValue, path, "an array")) {
                    ArrayValue arr = (ArrayValue) value;
                    length(arr.size(), a.minLength(), a.maxLength(), path, "elements");
                    for (int i = 0; i < arr.size(); i++) {
                        value(a.items(), arr.get(i), path + "/" + i);
                    }
                }
            }
            case LexObject o -> {
                if (expect(value instanceof MapValue, path, "an object")) {
                    object(o, (MapValue) value, path);
                }
            }
            case LexRef r -> ref(r.ref(), value, path);
            case LexUnion u -> union(u, value, path);
            case LexUnknown u -> unknown(value, path);
        }
    }

    void object(LexObject schema, MapValue map, String path) {
        properties(schema.properties(), schema.required(), schema.nullable(), map, path);
    }

    void properties(Map<String, LexFieldType> properties, List<String> required, List<String> nullable,
            MapValue map, String path) {
        for (var p : properties.entrySet()) {
            String name = p.getKey();
            DataValue v = map.get(name);
            String child = DefReader.child(path, name);
            if (v == null) {
                if (required.contains(name)) {
                    error(child, ValidationRule.REQUIRED, path + " must have the property \"" + name + "\"");
                }
            } else if (v instanceof NullValue && !(p.getValue() instanceof LexNull)) {
                if (!nullable.contains(name)) {
                    error(child, ValidationRule.NULLABLE, child + " must not be null");
                }
            } else {
                value(p.getValue(), v, child);
            }
        }
    }

    /** The value a definition describes, as a ref or a union member points at it. */
    void def(LexSchema def, SchemaRef ref, DataValue value, String path) {
        switch (def) {
            case LexFieldType f -> value(f, value, path);
            case LexRecord r -> {
                if (expect(value instanceof MapValue, path, "an object")) {
                    record(r, ref, (MapValue) value, path);
                }
            }
            default -> error(path, ValidationRule.UNRESOLVED_REF,
                    path + ": " + ref + " is a " + def.type() + ", which describes no value");
        }
    }

    private void ref(SchemaRef ref, DataValue value, String path) {
        Optional<LexSchema> target = catalog.find(ref);
        if (target.isEmpty()) {
            error(path, ValidationRule.UNRESOLVED_REF, path + ": no definition " + ref + " in the catalog");
        } else {
            def(target.get(), ref, value, path);
        }
    }

    /** A union value: an object with a {@code $type} naming a member (any object or record, if open). */
    void union(LexUnion union, DataValue value, String path) {
        if (!(value instanceof MapValue map) || !(map.get("$type") instanceof StringValue type)) {
            error(path, ValidationRule.UNION_TYPE, path + " must be an object which includes the \"$type\" property");
            return;
        }
        Optional<SchemaRef> ref = SchemaRef.fromType(type.value());
        if (ref.isEmpty()) {
            error(path + "/$type", ValidationRule.UNION_TYPE, path + "/$type must be an NSID with an optional "
                    + "#name (never #main), not \"" + type.value() + "\"");
            return;
        }
        member(union, ref.get(), map, path);
    }

    /** A union member known by its reference (from {@code $type}, or a subscription frame header). */
    void member(LexUnion union, SchemaRef ref, MapValue value, String path) {
        boolean listed = union.refs().contains(ref);
        if (!listed && union.closed()) {
            error(path, ValidationRule.CLOSED_UNION, path + " $type must be one of "
                    + String.join(", ", union.refs().stream().map(SchemaRef::toString).toList()));
            return;
        }
        Optional<LexSchema> target = catalog.find(ref);
        if (target.isEmpty()) {
            // An open union accepts members this catalog does not know: the schema may be newer than ours.
            if (listed) {
                error(path, ValidationRule.UNRESOLVED_REF, path + ": no definition " + ref + " in the catalog");
            }
            return;
        }
        switch (target.get()) {
            case LexObject o -> object(o, value, path);
            case LexRecord r -> record(r, ref, value, path);
            default -> error(path + "/$type", ValidationRule.UNION_TYPE,
                    path + "/$type names a " + target.get().type() + ", not an object or record");
        }
    }

    private void unknown(DataValue value, String path) {
        if (!(value instanceof MapValue map)) {
            error(path, ValidationRule.TYPE, path + " must be an object");
            return;
        }
        if (BlobRef.isBlob(map)) {
            error(path, ValidationRule.TYPE, path + " must be an object, not a blob");
            return;
        }
        try {
            DataModel.check(map);
        } catch (InvalidDataException e) {
            error(path, ValidationRule.DATA_MODEL, path + " is not valid data: " + e.getMessage());
        }
    }

    private void blob(LexBlob schema, DataValue value, String path) {
        if (!(value instanceof MapValue map) || !BlobRef.isBlob(map)) {
            error(path, ValidationRule.BLOB, path + " should be a blob ref");
            return;
        }
        BlobRef blob;
        try {
            blob = BlobRef.from(map).orElseThrow();
        } catch (IllegalArgumentException e) {
            error(path, ValidationRule.BLOB, path + " is not a valid blob ref: " + e.getMessage());
            return;
        }
        if (!schema.accepts(blob.mimeType())) {
            error(path + "/mimeType", ValidationRule.ACCEPT, path + " mimeType must be one of "
                    + String.join(", ", schema.accept().orElseThrow()) + ", not " + blob.mimeType());
        }
        schema.maxSize().filter(max -> blob.size() > max).ifPresent(max -> error(path + "/size",
                ValidationRule.MAX_SIZE, path + " must not be larger than " + max + " bytes, is " + blob.size()));
    }

    private void integer(LexInteger schema, long v, String path) {
        schema.constValue().filter(c -> c != v).ifPresent(c -> error(path, ValidationRule.CONST, path + " must be " + c));
        schema.enumValues().filter(e -> !e.contains(v)).ifPresent(e -> error(path, ValidationRule.ENUM,
                path + " must be one of (" + String.join("|", e.stream().map(String::valueOf).toList()) + ")"));
        schema.minimum().filter(min -> v < min).ifPresent(min ->
                error(path, ValidationRule.MINIMUM, path + " can not be less than " + min));
        schema.maximum().filter(max -> v > max).ifPresent(max ->
                error(path, ValidationRule.MAXIMUM, path + " can not be greater than " + max));
    }

    void length(long length, Optional<Integer> min, Optional<Integer> max, String path, String unit) {
        min.filter(m -> length < m).ifPresent(m -> error(path, ValidationRule.MIN_LENGTH,
                path + " must not have fewer than " + m + " " + unit));
        max.filter(m -> length > m).ifPresent(m -> error(path, ValidationRule.MAX_LENGTH,
                path + " must not have more than " + m + " " + unit));
    }

    private boolean expect(boolean ok, String path, String what) {
        if (!ok) {
            error(path, ValidationRule.TYPE, path + " must be " + what);
        }
        return ok;
    }
}
