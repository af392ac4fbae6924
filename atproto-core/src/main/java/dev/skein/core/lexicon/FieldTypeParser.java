package dev.skein.core.lexicon;

import dev.skein.core.data.DataValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the field types, params and tokens of one schema document (the primary types are in {@link LexiconParser}). */
final class FieldTypeParser {
    private final Nsid base;

    FieldTypeParser(Nsid base) {
        this.base = base;
    }

    /** A named definition that is not primary: a token or a field type other than ref, union and unknown. */
    LexSchema namedDef(DefReader r, String type) {
        return switch (type) {
            case "token" -> new LexToken(r.description());
            case "ref", "union", "unknown", "params", "permission" ->
                    throw r.error(Reason.NOT_DEFINABLE, "type", "type \"" + type + "\" can not be a named definition");
            default -> fieldOfType(r, type);
        };
    }

    /** A field type: an object property, array items or a body schema. */
    LexFieldType field(DataValue value, String path) {
        DefReader r = DefReader.of(value, path);
        return fieldOfType(r, r.requireString("type"));
    }

    private LexFieldType fieldOfType(DefReader r, String type) {
        return switch (type) {
            case "null" -> new LexNull(r.description());
            case "boolean" -> bool(r);
            case "integer" -> integer(r);
            case "string" -> string(r);
            case "bytes" -> bytes(r);
            case "cid-link" -> new LexCidLink(r.description());
            case "blob" -> blob(r);
            case "array" -> array(r);
            case "object" -> object(r);
            case "ref" -> ref(r);
            case "union" -> union(r);
            case "unknown" -> new LexUnknown(r.description());
            case "token", "params", "permission", "record", "query", "procedure", "subscription", "permission-set" ->
                    throw r.error(Reason.TYPE_NOT_ALLOWED, "type", "type \"" + type + "\" is not allowed here");
            default -> throw r.error(Reason.UNKNOWN_TYPE, "type", "unknown type \"" + type + "\"");
        };
    }

    private LexBoolean bool(DefReader r) {
        LexBoolean b = new LexBoolean(r.description(), r.bool("default"), r.bool("const"));
        exclusive(r, b.defaultValue(), b.constValue());
        return b;
    }

    private LexInteger integer(DefReader r) {
        LexInteger i = new LexInteger(r.description(), r.integer("minimum"), r.integer("maximum"),
                r.integers("enum"), r.integer("default"), r.integer("const"));
        exclusive(r, i.defaultValue(), i.constValue());
        if (i.minimum().isPresent() && i.maximum().isPresent() && i.minimum().get() > i.maximum().get()) {
            throw r.error(Reason.INVALID_CONSTRAINT, "maximum", "maximum is less than minimum");
        }
        return i;
    }

    private LexString string(DefReader r) {
        Optional<StringFormat> format = r.string("format").map(f -> StringFormat.fromSpecName(f).orElseThrow(
                () -> r.error(Reason.INVALID_CONSTRAINT, "format", "unknown string format \"" + f + "\"")));
        LexString s = new LexString(r.description(), format, r.length("minLength"), r.length("maxLength"),
                r.length("minGraphemes"), r.length("maxGraphemes"), r.strings("knownValues").orElse(List.of()),
                r.strings("enum"), r.string("default"), r.string("const"));
        exclusive(r, s.defaultValue(), s.constValue());
        ordered(r, s.minLength(), s.maxLength(), "maxLength");
        ordered(r, s.minGraphemes(), s.maxGraphemes(), "maxGraphemes");
        return s;
    }

    private LexBytes bytes(DefReader r) {
        LexBytes b = new LexBytes(r.description(), r.length("minLength"), r.length("maxLength"));
        ordered(r, b.minLength(), b.maxLength(), "maxLength");
        return b;
    }

    private LexBlob blob(DefReader r) {
        Optional<List<String>> accept = r.strings("accept");
        accept.ifPresent(patterns -> {
            for (int i = 0; i < patterns.size(); i++) {
                if (!MimeTypes.isValidPattern(patterns.get(i))) {
                    throw new LexiconException(Reason.INVALID_CONSTRAINT, r.path("accept") + "/" + i,
                            "\"" + patterns.get(i) + "\" is not a MIME type, type/* or */*");
                }
            }
        });
        Optional<Long> maxSize = r.integer("maxSize");
        if (maxSize.isPresent() && maxSize.get() < 0) {
            throw r.error(Reason.INVALID_CONSTRAINT, "maxSize", "must not be negative");
        }
        return new LexBlob(r.description(), accept, maxSize);
    }

    private LexArray array(DefReader r) {
        DataValue items = r.value("items").orElseThrow(() -> r.missing("items"));
        LexArray a = new LexArray(r.description(), field(items, r.path("items")), r.length("minLength"),
                r.length("maxLength"));
        ordered(r, a.minLength(), a.maxLength(), "maxLength");
        return a;
    }

    LexObject object(DefReader r) {
        Map<String, LexFieldType> properties = properties(r, false);
        List<String> required = declared(r, "required", properties);
        List<String> nullable = declared(r, "nullable", properties);
        return new LexObject(r.description(), properties, required, nullable);
    }

    LexParams params(DefReader r) {
        Map<String, LexFieldType> properties = properties(r, true);
        return new LexParams(r.description(), properties, declared(r, "required", properties));
    }

    LexRef ref(DefReader r) {
        return new LexRef(r.description(), schemaRef(r.requireString("ref"), r.path("ref")));
    }

    LexUnion union(DefReader r) {
        List<String> raw = r.strings("refs").orElseThrow(() -> r.missing("refs"));
        List<SchemaRef> refs = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            refs.add(schemaRef(raw.get(i), r.path("refs") + "/" + i));
        }
        boolean closed = r.bool("closed").orElse(false);
        if (closed && refs.isEmpty()) {
            throw r.error(Reason.INVALID_CONSTRAINT, "refs", "a closed union must list at least one ref");
        }
        return new LexUnion(r.description(), refs, closed);
    }

    SchemaRef schemaRef(String ref, String path) {
        try {
            return SchemaRef.parse(ref, base);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(Reason.INVALID_REF, path,
                    "\"" + ref + "\" is not a reference (nsid, nsid#name or #name)").withCause(e);
        }
    }

    private Map<String, LexFieldType> properties(DefReader r, boolean params) {
        DefReader props = r.requireObject("properties");
        Map<String, LexFieldType> out = new LinkedHashMap<>();
        for (var e : props.map().entries()) {
            String path = props.path(e.getKey());
            if (e.getKey().isEmpty()) {
                throw new LexiconException(Reason.INVALID_NAME, path, "a property name must not be empty");
            }
            LexFieldType type = field(e.getValue(), path);
            if (params && !isParamType(type)) {
                throw new LexiconException(Reason.TYPE_NOT_ALLOWED, path + "/type",
                        "a parameter must be a boolean, integer, string or an array of them, not " + describe(type));
            }
            out.put(e.getKey(), type);
        }
        return out;
    }

    private static boolean isParamType(LexFieldType type) {
        return switch (type) {
            case LexBoolean b -> true;
            case LexInteger i -> true;
            case LexString s -> true;
            case LexArray a -> a.items() instanceof LexBoolean || a.items() instanceof LexInteger
                    || a.items() instanceof LexString;
            default -> false;
        };
    }

    private static String describe(LexFieldType type) {
        return type instanceof LexArray a ? "an array of " + a.items().type() : type.type();
    }

    /** {@code required} or {@code nullable}: names that must all be properties. */
    private static List<String> declared(DefReader r, String key, Map<String, LexFieldType> properties) {
        List<String> names = r.strings(key).orElse(List.of());
        for (int i = 0; i < names.size(); i++) {
            if (!properties.containsKey(names.get(i))) {
                throw new LexiconException(Reason.INVALID_CONSTRAINT, r.path(key) + "/" + i,
                        "\"" + names.get(i) + "\" is not one of the properties");
            }
        }
        return names;
    }

    private static void exclusive(DefReader r, Optional<?> defaultValue, Optional<?> constValue) {
        if (defaultValue.isPresent() && constValue.isPresent()) {
            throw r.error(Reason.INVALID_CONSTRAINT, "const", "default and const are mutually exclusive");
        }
    }

    private static void ordered(DefReader r, Optional<Integer> min, Optional<Integer> max, String maxKey) {
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw r.error(Reason.INVALID_CONSTRAINT, maxKey, maxKey + " is less than the minimum");
        }
    }
}
