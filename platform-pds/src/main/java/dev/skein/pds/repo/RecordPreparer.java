package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BlobRef;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconException;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.RecordKeyType;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.TidClock;
import dev.skein.xrpc.XrpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a client's record write into a {@link PreparedWrite}, as the reference PDS's {@code prepare.ts} does,
 * before the write waits for its repository's writer:
 * <ul>
 *   <li>{@code $type} is added when missing and must otherwise equal the collection;</li>
 *   <li>with validation on (or unset and the schema known) the record and its key are checked against the
 *       collection's lexicon; {@code validate: true} on a collection this PDS has no schema for is refused;</li>
 *   <li>a create without a key gets the collection's literal key ({@code self}) or a new TID;</li>
 *   <li>the record is encoded (at most {@value Repository#MAX_RECORD_BYTES} bytes) and its blob references
 *       are collected; legacy blob references ({@code {cid, mimeType}}) are refused.</li>
 * </ul>
 * Every refusal is 400 {@code InvalidRequest} with a message naming the field at fault.
 */
public final class RecordPreparer {
    /** How deep blob references are looked for, as the reference does (records nest far less). */
    static final int MAX_BLOB_SEARCH_DEPTH = 32;

    private final LexiconCatalog catalog;
    private final LexiconValidator validator;
    private final TidClock tids;

    public RecordPreparer(LexiconCatalog catalog, TidClock tids) {
        this.catalog = catalog;
        this.validator = new LexiconValidator(catalog);
        this.tids = tids;
    }

    public LexiconValidator validator() {
        return validator;
    }

    /** Prepares one write of a call. */
    public PreparedWrite prepare(RecordWrite write, ValidationMode mode) {
        Nsid collection = write.collection();
        Optional<LexRecord> schema = recordSchema(collection);
        RecordKey rkey = switch (write) {
            case RecordWrite.Create c -> c.rkey().orElseGet(() -> newKey(schema));
            case RecordWrite.Update u -> u.rkey();
            case RecordWrite.Put p -> p.rkey();
            case RecordWrite.Delete d -> d.rkey();
        };
        Optional<PreparedRecord> record = write.record().map(value -> prepareRecord(collection, rkey, value, schema, mode));
        return new PreparedWrite(write, rkey, record);
    }

    private PreparedRecord prepareRecord(Nsid collection, RecordKey rkey, MapValue given, Optional<LexRecord> schema,
                                         ValidationMode mode) {
        MapValue value = withType(collection, given);
        Optional<ValidationStatus> status = switch (mode) {
            case SKIP -> Optional.empty();
            case REQUIRE, OPTIMISTIC -> {
                if (schema.isEmpty()) {
                    if (mode == ValidationMode.REQUIRE) {
                        throw XrpcException.invalidRequest("Lexicon not found: " + collection);
                    }
                    yield Optional.of(ValidationStatus.UNKNOWN);
                }
                validate(collection, rkey, value);
                yield Optional.of(ValidationStatus.VALID);
            }
        };
        List<BlobRef> blobs = new ArrayList<>();
        collectBlobs(value, "", 0, blobs);
        byte[] bytes = Drisl.encode(value);
        if (bytes.length > Repository.MAX_RECORD_BYTES) {
            throw XrpcException.invalidRequest("Record is too large: " + bytes.length + " bytes encoded, at most "
                    + Repository.MAX_RECORD_BYTES);
        }
        return new PreparedRecord(value, bytes, Cid.ofDrisl(bytes), status, blobs);
    }

    private void validate(Nsid collection, RecordKey rkey, MapValue value) {
        List<ValidationError> errors;
        try {
            errors = validator.validateRecord(collection, rkey, value);
        } catch (LexiconException e) {
            throw XrpcException.invalidRequest("Invalid " + collection + " record: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw XrpcException.invalidRequest("Invalid " + collection + " record: " + errors.getFirst().message());
        }
    }

    /** The record with {@code $type}: added when missing, and it must name the collection. */
    static MapValue withType(Nsid collection, MapValue value) {
        DataValue type = value.get("$type");
        if (type == null) {
            Map<String, DataValue> entries = new LinkedHashMap<>(value.toMap());
            entries.put("$type", new StringValue(collection.value()));
            return MapValue.of(entries);
        }
        if (!(type instanceof StringValue s) || !s.value().equals(collection.value())) {
            throw XrpcException.invalidRequest("Invalid $type: expected " + collection + ", got "
                    + (type instanceof StringValue s ? s.value() : type.kind()));
        }
        return value;
    }

    private RecordKey newKey(Optional<LexRecord> schema) {
        if (schema.isPresent() && schema.get().key() instanceof RecordKeyType.Literal literal) {
            return literal.value();
        }
        return RecordKey.of(tids.next());
    }

    private Optional<LexRecord> recordSchema(Nsid collection) {
        return catalog.document(collection).flatMap(d -> d.main()).flatMap(RecordPreparer::asRecord);
    }

    private static Optional<LexRecord> asRecord(LexSchema schema) {
        return schema instanceof LexRecord r ? Optional.of(r) : Optional.empty();
    }

    private static void collectBlobs(DataValue value, String path, int depth, List<BlobRef> out) {
        if (depth > MAX_BLOB_SEARCH_DEPTH) {
            return;
        }
        switch (value) {
            case MapValue map -> {
                Optional<BlobRef> blob;
                try {
                    blob = BlobRef.from(map);
                } catch (InvalidDataException e) {
                    throw XrpcException.invalidRequest("Invalid blob reference at '" + path + "': " + e.getMessage());
                }
                if (blob.isPresent()) {
                    if (!BlobRef.isBlob(map)) {
                        throw XrpcException.invalidRequest("Legacy blob ref at '" + path + "'");
                    }
                    out.add(blob.get());
                    return;
                }
                for (int i = 0; i < map.size(); i++) {
                    collectBlobs(map.value(i), path.isEmpty() ? map.key(i) : path + "/" + map.key(i), depth + 1, out);
                }
            }
            case ArrayValue array -> {
                for (int i = 0; i < array.size(); i++) {
                    collectBlobs(array.get(i), path, depth + 1, out);
                }
            }
            default -> { }
        }
    }
}
