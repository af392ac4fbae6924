package dev.skein.core.lexicon;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates data against the schemas of a {@link LexiconCatalog}: records, XRPC parameters and bodies,
 * subscription messages, or a value of any definition. The {@code validate…} methods return every
 * {@link ValidationError} found (empty when valid); the {@code require…} ones throw a
 * {@link LexiconValidationException} instead. A schema the catalog lacks is not a validation error but a
 * {@link LexiconException} ({@link Reason#UNRESOLVED_REF}), so that callers can choose to skip validation of
 * unknown collections, as the spec's optimistic mode does.
 *
 * <p>Unknown properties are allowed everywhere. Open unions accept members the catalog does not know (and
 * validate the ones it knows); closed unions do not. Blobs must be in the current
 * {@code {"$type":"blob",…}} form.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
public final class LexiconValidator {
    private final LexiconCatalog catalog;

    public LexiconValidator(LexiconCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public LexiconCatalog catalog() {
        return catalog;
    }

    /** A record of {@code collection}: its {@code $type} must be the collection, its fields must match. */
    public List<ValidationError> validateRecord(Nsid collection, MapValue record) {
        DataValidator v = new DataValidator(catalog);
        v.record(recordSchema(collection), SchemaRef.main(collection), record, "Record");
        return v.errors();
    }

    /** As {@link #validateRecord(Nsid, MapValue)}, and the record key must be one the collection allows. */
    public List<ValidationError> validateRecord(Nsid collection, RecordKey rkey, MapValue record) {
        LexRecord schema = recordSchema(collection);
        DataValidator v = new DataValidator(catalog);
        if (!schema.key().accepts(rkey)) {
            v.error("Record", ValidationRule.RECORD_KEY,
                    "Record key " + rkey + " is not allowed in " + collection + " (key: " + schema.key() + ")");
        }
        v.record(schema, SchemaRef.main(collection), record, "Record");
        return v.errors();
    }

    public void requireValidRecord(Nsid collection, RecordKey rkey, MapValue record) {
        require(validateRecord(collection, rkey, record));
    }

    /**
     * A value of any definition that describes data: a field type (object, string, array, …) or a record.
     *
     * @throws LexiconException when {@code ref} does not resolve, or names a method, token or permission set
     */
    public List<ValidationError> validateValue(SchemaRef ref, DataValue value) {
        LexSchema def = catalog.resolve(ref);
        if (!(def instanceof LexFieldType || def instanceof LexRecord)) {
            throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "",
                    ref + " is a " + def.type() + ", which describes no single value");
        }
        DataValidator v = new DataValidator(catalog);
        v.def(def, ref, value, "Value");
        return v.errors();
    }

    /** As {@link #validateValue(SchemaRef, DataValue)}, with the reference as a string ({@code nsid#name}). */
    public List<ValidationError> validateValue(String ref, DataValue value) {
        SchemaRef parsed;
        try {
            parsed = SchemaRef.parse(ref);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(Reason.INVALID_REF, "", "\"" + ref + "\" is not a reference").withCause(e);
        }
        return validateValue(parsed, value);
    }

    /** The JSON input body of a procedure (nothing to check when its input declares no schema). */
    public List<ValidationError> validateInput(Nsid method, DataValue body) {
        LexSchema main = mainDef(method);
        if (!(main instanceof LexProcedure p)) {
            throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "", method + " is a " + main.type() + ", not a procedure");
        }
        return body(p.input(), body, "Input");
    }

    /** The JSON output body of a query or procedure (nothing to check when it declares no schema). */
    public List<ValidationError> validateOutput(Nsid method, DataValue body) {
        Optional<LexBody> output = switch (mainDef(method)) {
            case LexQuery q -> q.output();
            case LexProcedure p -> p.output();
            case LexSchema other -> throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "",
                    method + " is a " + other.type() + ", not a query or procedure");
        };
        return body(output, body, "Output");
    }

    /**
     * A subscription message whose variant is given by the frame header's {@code t} ({@code #commit} or a
     * full reference); at this top level the message itself carries no {@code $type}.
     */
    public List<ValidationError> validateMessage(Nsid subscription, String type, MapValue message) {
        if (!(mainDef(subscription) instanceof LexSubscription s)) {
            throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "", subscription + " is not a subscription");
        }
        DataValidator v = new DataValidator(catalog);
        SchemaRef ref;
        try {
            ref = SchemaRef.parse(type, subscription);
        } catch (IllegalArgumentException e) {
            v.error("Message", ValidationRule.UNION_TYPE, "Message type \"" + type + "\" is not a reference");
            return v.errors();
        }
        v.member(s.message().schema(), ref, message, "Message");
        return v.errors();
    }

    /**
     * Decodes and validates the HTTP query parameters of a method: each declared parameter converted to its
     * type (integer, boolean, string, or an array from the repeated key), defaults applied, constraints checked.
     *
     * @param query parameter values by name, in the order given
     * @return the typed parameters (undeclared ones left out)
     * @throws LexiconValidationException when a parameter is missing, unconvertible or out of bounds
     */
    public MapValue decodeParams(Nsid method, Map<String, List<String>> query) {
        Optional<LexParams> params = switch (mainDef(method)) {
            case LexQuery q -> q.parameters();
            case LexProcedure p -> p.parameters();
            case LexSubscription s -> s.parameters();
            case LexSchema other -> throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "",
                    method + " is a " + other.type() + ", which has no parameters");
        };
        if (params.isEmpty()) {
            return MapValue.EMPTY;
        }
        DataValidator v = new DataValidator(catalog);
        MapValue decoded = ParamsDecoder.decode(v, params.get(), query);
        require(v.errors());
        return decoded;
    }

    private List<ValidationError> body(Optional<LexBody> declared, DataValue body, String root) {
        Optional<LexBodySchema> schema = declared.flatMap(LexBody::schema);
        if (schema.isEmpty()) {
            return List.of();
        }
        DataValidator v = new DataValidator(catalog);
        v.value(schema.get().asFieldType(), body, root);
        return v.errors();
    }

    private LexRecord recordSchema(Nsid collection) {
        LexSchema main = mainDef(collection);
        if (!(main instanceof LexRecord r)) {
            throw new LexiconException(Reason.TYPE_NOT_ALLOWED, "", collection + " is a " + main.type() + ", not a record");
        }
        return r;
    }

    /** The {@code main} definition of {@code nsid}. */
    private LexSchema mainDef(Nsid nsid) {
        return catalog.resolve(SchemaRef.main(nsid));
    }

    private static void require(List<ValidationError> errors) {
        if (!errors.isEmpty()) {
            throw new LexiconValidationException(errors);
        }
    }
}
