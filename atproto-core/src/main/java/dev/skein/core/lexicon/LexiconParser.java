package dev.skein.core.lexicon;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Lexicon schema documents, strictly: a known field of the wrong type, a missing required field, an
 * unknown {@code type}, a primary type not named {@code main}, a type where the language does not allow it,
 * a contradictory constraint or a malformed reference each fail with a {@link LexiconException} naming the
 * JSON path and the rule. Unknown fields are ignored, as in the reference implementations, so that documents
 * written for a later revision of the language still load.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
public final class LexiconParser {
    /** Largest schema document read, in bytes (a record's limit); the biggest published ones are under 100 KiB. */
    public static final int MAX_DOCUMENT_BYTES = (int) DataLimits.RECORD.maxBytes();

    private static final Set<String> PRIMARY = Set.of("record", "query", "procedure", "subscription", "permission-set");

    private LexiconParser() {}

    /** Parses a schema document from its JSON text. */
    public static LexiconDocument parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a schema document from UTF-8 JSON. */
    public static LexiconDocument parse(byte[] json) {
        DataValue value;
        try {
            value = DataJson.parse(json, DataLimits.RECORD);
        } catch (InvalidDataException e) {
            throw new LexiconException(Reason.MALFORMED, e.path(), "not valid JSON data: " + e.getMessage())
                    .withCause(e);
        }
        return parse(value);
    }

    /**
     * Parses a schema document already read as data, e.g. the value of a {@code com.atproto.lexicon.schema}
     * record (whose {@code $type} is ignored).
     */
    public static LexiconDocument parse(DataValue document) {
        DefReader doc = DefReader.of(document, "");
        Nsid id = id(doc);
        try {
            return new LexiconDocument(id, doc.integer("revision"), doc.description(), defs(doc, id));
        } catch (LexiconException e) {
            throw e.withSource(id.toString());
        }
    }

    private static Nsid id(DefReader doc) {
        DataValue version = doc.value("lexicon").orElseThrow(() -> doc.missing("lexicon"));
        if (!(version instanceof IntValue v)) {
            throw doc.error(Reason.WRONG_TYPE, "lexicon", "must be an integer, not " + version.kind());
        }
        if (v.value() != LexiconDocument.VERSION) {
            throw doc.error(Reason.UNSUPPORTED_VERSION, "lexicon",
                    "Lexicon language version " + v.value() + " is not supported (only " + LexiconDocument.VERSION + ")");
        }
        String id = doc.requireString("id");
        try {
            return Nsid.parse(id);
        } catch (InvalidSyntaxException e) {
            throw doc.error(Reason.INVALID_NSID, "id", e.getMessage()).withCause(e);
        }
    }

    private static Map<String, LexSchema> defs(DefReader doc, Nsid id) {
        DefReader defs = doc.requireObject("defs");
        if (defs.map().isEmpty()) {
            throw doc.error(Reason.EMPTY_DEFS, "defs", "a Lexicon needs at least one definition");
        }
        FieldTypeParser fields = new FieldTypeParser(id);
        Map<String, LexSchema> out = new LinkedHashMap<>();
        for (var e : defs.map().entries()) {
            String name = e.getKey();
            if (!SchemaRef.isValidName(name)) {
                throw defs.error(Reason.INVALID_NAME, name, "\"" + name + "\" is not a valid definition name");
            }
            DefReader def = DefReader.of(e.getValue(), defs.path(name));
            String type = def.requireString("type");
            if (PRIMARY.contains(type)) {
                if (!name.equals(SchemaRef.MAIN)) {
                    throw def.error(Reason.PRIMARY_NOT_MAIN, "type",
                            "a " + type + " is a primary type and must be named main, not " + name);
                }
                out.put(name, primary(def, type, fields));
            } else {
                out.put(name, fields.namedDef(def, type));
            }
        }
        return out;
    }

    private static LexPrimary primary(DefReader r, String type, FieldTypeParser fields) {
        return switch (type) {
            case "record" -> record(r, fields);
            case "query" -> {
                if (r.value("input").isPresent()) {
                    throw r.error(Reason.TYPE_NOT_ALLOWED, "input", "a query has no input body; only procedures do");
                }
                yield new LexQuery(r.description(), params(r, fields), body(r, "output", fields), errors(r));
            }
            case "procedure" -> new LexProcedure(r.description(), params(r, fields), body(r, "input", fields),
                    body(r, "output", fields), errors(r));
            case "subscription" -> subscription(r, fields);
            case "permission-set" -> PermissionSetParser.permissionSet(r);
            default -> throw new IllegalStateException("not a primary type: " + type);
        };
    }

    private static LexRecord record(DefReader r, FieldTypeParser fields) {
        String key = r.requireString("key");
        RecordKeyType keyType;
        try {
            keyType = RecordKeyType.parse(key);
        } catch (IllegalArgumentException e) {
            throw r.error(Reason.INVALID_CONSTRAINT, "key", e.getMessage()).withCause(e);
        }
        DefReader object = typed(r.requireObject("record"), "object");
        return new LexRecord(r.description(), keyType, fields.object(object));
    }

    private static LexSubscription subscription(DefReader r, FieldTypeParser fields) {
        DefReader message = r.requireObject("message");
        DefReader schema = typed(message.requireObject("schema"), "union");
        return new LexSubscription(r.description(), params(r, fields),
                new LexSubscription.Message(message.description(), fields.union(schema)), errors(r));
    }

    private static Optional<LexParams> params(DefReader r, FieldTypeParser fields) {
        return r.object("parameters").map(p -> fields.params(typed(p, "params")));
    }

    private static Optional<LexBody> body(DefReader r, String key, FieldTypeParser fields) {
        return r.object(key).map(b -> {
            String encoding = b.requireString("encoding");
            if (encoding.isBlank()) {
                throw b.error(Reason.INVALID_CONSTRAINT, "encoding", "must be a MIME type");
            }
            Optional<LexBodySchema> schema = b.object("schema").map(s -> {
                String type = s.requireString("type");
                return switch (type) {
                    case "object" -> fields.object(s);
                    case "ref" -> fields.ref(s);
                    case "union" -> fields.union(s);
                    default -> throw s.error(Reason.TYPE_NOT_ALLOWED, "type",
                            "a body schema must be an object, a ref or a union, not " + type);
                };
            });
            return new LexBody(b.description(), encoding, schema);
        });
    }

    private static List<LexMethodError> errors(DefReader r) {
        List<DataValue> items = r.array("errors").orElse(List.of());
        List<LexMethodError> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DefReader e = DefReader.of(items.get(i), r.path("errors") + "/" + i);
            String name = e.requireString("name");
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw e.error(Reason.INVALID_NAME, "name", "an error name must be non-empty with no whitespace");
            }
            out.add(new LexMethodError(name, e.description()));
        }
        return out;
    }

    /** Requires the object's {@code type} to be {@code expected}. */
    static DefReader typed(DefReader r, String expected) {
        String type = r.requireString("type");
        if (!type.equals(expected)) {
            throw r.error(Reason.TYPE_NOT_ALLOWED, "type", "must be of type " + expected + ", not " + type);
        }
        return r;
    }
}
