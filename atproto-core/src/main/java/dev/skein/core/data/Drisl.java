package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.io.SerializedString;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * DRISL, the canonical DAG-CBOR profile of atproto: a strict encoder and decoder over Jackson's CBOR
 * streaming generator and parser.
 *
 * <p>The encoder writes definite lengths only, shortest integer heads, map keys sorted by UTF-8 length
 * then bytes, and CIDs as tag 42 around {@code 0x00 ‖ binary CID}. Jackson's {@code writeString} and
 * {@code writeName(String)} switch to indefinite-length chunks for long text, so text always goes through
 * the raw UTF-8 and serialized-name calls, which write definite lengths.
 *
 * <p>The decoder accepts only what the encoder would have written: after reading the value (rejecting
 * floats, tags other than 42, non-text keys, duplicate keys, malformed CIDs and anything over the limits)
 * it re-encodes it and requires the very same bytes. That one comparison catches every non-canonical form
 * Jackson's parser does not report (non-minimal integer or length heads, indefinite lengths, unsorted keys,
 * {@code undefined}, other simple values), so a block's CID always matches the value that is used.
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model">data model</a>, <a href="https://dasl.ing/drisl.html">DRISL</a>.
 */
public final class Drisl {
    private static final int TAG_CID = 42;
    private static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(DataLimits.FRAME.maxDepth() + 1)
                    .maxDocumentLength(DataLimits.FRAME.maxBytes())
                    .build())
            .build();

    private Drisl() {}

    /** A decoded value and the offset just past it. */
    public record Decoded(DataValue value, int end) {}

    // ---------------------------------------------------------------- encoding

    /** The canonical DRISL bytes of {@code value}. */
    public static byte[] encode(DataValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        encode(value, out);
        return out.toByteArray();
    }

    /** Writes the canonical DRISL bytes of {@code value} to {@code out}. */
    public static void encode(DataValue value, ByteArrayOutputStream out) {
        try (CBORGenerator g = (CBORGenerator) FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, value);
        }
    }

    private static void write(CBORGenerator g, DataValue value) {
        switch (value) {
            case NullValue n -> g.writeNull();
            case BoolValue b -> g.writeBoolean(b.value());
            case IntValue i -> g.writeNumber(i.value());
            case StringValue s -> {
                byte[] utf8 = s.value().getBytes(StandardCharsets.UTF_8);
                g.writeRawUTF8String(utf8, 0, utf8.length);
            }
            case BytesValue b -> {
                byte[] bytes = b.unsafeBytes();
                g.writeBinary(bytes, 0, bytes.length);
            }
            case LinkValue l -> {
                Cid cid = l.cid();
                byte[] payload = new byte[cid.byteLength() + 1];
                cid.writeTo(payload, 1);
                g.writeTag(TAG_CID);
                g.writeBinary(payload, 0, payload.length);
            }
            case ArrayValue a -> {
                List<DataValue> items = a.items();
                g.writeStartArray(a, items.size());
                for (DataValue item : items) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case MapValue m -> {
                int n = m.size();
                g.writeStartObject(m, n);
                for (int i = 0; i < n; i++) {
                    g.writeName(new Utf8Name(m.key(i), m.keyUtf8(i)));
                    write(g, m.value(i));
                }
                g.writeEndObject();
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes one value that must span all of {@code bytes}, with the record limits. */
    public static DataValue decode(byte[] bytes) {
        return decode(bytes, DataLimits.RECORD);
    }

    /** Decodes one value that must span all of {@code bytes}. */
    public static DataValue decode(byte[] bytes, DataLimits limits) {
        Decoded d = decodePrefix(bytes, 0, limits);
        if (d.end() != bytes.length) {
            throw new DrislException(DrislException.Reason.TRAILING_BYTES,
                    (bytes.length - d.end()) + " bytes after the DRISL value");
        }
        return d.value();
    }

    /** Decodes the value that starts at {@code offset} and returns where it ends (for concatenated items). */
    public static Decoded decodePrefix(byte[] bytes, int offset, DataLimits limits) {
        int available = bytes.length - offset;
        if (available > limits.maxBytes()) {
            throw new DrislException(DrislException.Reason.TOO_LARGE,
                    "DRISL input of " + available + " bytes is over the limit of " + limits.maxBytes());
        }
        if (available <= 0) {
            throw new DrislException(DrislException.Reason.TRUNCATED, "no DRISL value");
        }
        DataValue value;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, available)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DrislException(DrislException.Reason.TRUNCATED, "no DRISL value");
            }
            value = read((CBORParser) p, t, limits, 1);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            DrislException.Reason r = msg != null && msg.contains("end-of-input")
                    ? DrislException.Reason.TRUNCATED : DrislException.Reason.MALFORMED;
            throw new DrislException(r, "malformed CBOR: " + msg);
        }
        byte[] canonical = encode(value);
        int end = offset + canonical.length;
        if (end > bytes.length || !Arrays.equals(canonical, 0, canonical.length, bytes, offset, end)) {
            throw new DrislException(DrislException.Reason.NON_CANONICAL,
                    "CBOR is not in canonical DRISL form (non-minimal integers or lengths, indefinite lengths,"
                            + " unsorted keys or non-DRISL simple values)");
        }
        return new Decoded(value, end);
    }

    private static DataValue read(CBORParser p, JsonToken t, DataLimits limits, int depth) {
        int tag = p.getCurrentTag();
        if (tag != -1 && !(tag == TAG_CID && t == JsonToken.VALUE_EMBEDDED_OBJECT)) {
            throw new DrislException(DrislException.Reason.UNSUPPORTED_TAG, "CBOR tag " + tag + " is not allowed (only 42)");
        }
        switch (t) {
            case START_OBJECT:
                return readMap(p, limits, depth);
            case START_ARRAY: {
                if (depth > limits.maxDepth()) {
                    throw new DrislException(DrislException.Reason.TOO_DEEP, "nested deeper than " + limits.maxDepth());
                }
                List<DataValue> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (n == null) {
                        throw new DrislException(DrislException.Reason.TRUNCATED, "array cut short");
                    }
                    if (items.size() >= limits.maxContainerElements()) {
                        throw new DrislException(DrislException.Reason.TOO_MANY_ELEMENTS,
                                "array longer than " + limits.maxContainerElements());
                    }
                    items.add(read(p, n, limits, depth + 1));
                }
                return new ArrayValue(items);
            }
            case VALUE_STRING: {
                String s = p.getString();
                if (!StringValue.isWellFormed(s)) {
                    throw new DrislException(DrislException.Reason.MALFORMED, "text is not valid UTF-8");
                }
                return new StringValue(s);
            }
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new DrislException(DrislException.Reason.INTEGER_OUT_OF_RANGE, "integer outside the signed 64-bit range");
                }
                return new IntValue(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                throw new DrislException(DrislException.Reason.FLOAT, "floats are not allowed in DRISL");
            case VALUE_TRUE:
                return BoolValue.TRUE;
            case VALUE_FALSE:
                return BoolValue.FALSE;
            case VALUE_NULL:
                return NullValue.INSTANCE;
            case VALUE_EMBEDDED_OBJECT: {
                byte[] b = p.getBinaryValue();
                if (b == null) {
                    throw new DrislException(DrislException.Reason.MALFORMED, "unsupported CBOR value");
                }
                if (tag == TAG_CID) {
                    return new LinkValue(cidOfTag(b));
                }
                return BytesValue.owning(b);
            }
            default:
                throw new DrislException(DrislException.Reason.MALFORMED, "unexpected CBOR token " + t);
        }
    }

    private static Cid cidOfTag(byte[] b) {
        if (b.length == 0 || b[0] != 0) {
            throw new DrislException(DrislException.Reason.INVALID_CID, "invalid CID for CBOR tag 42: expected a leading 0x00");
        }
        try {
            return Cid.fromBytes(Arrays.copyOfRange(b, 1, b.length));
        } catch (InvalidCidException e) {
            throw new DrislException(DrislException.Reason.INVALID_CID, "invalid CID for CBOR tag 42: " + e.getMessage());
        }
    }

    private static MapValue readMap(CBORParser p, DataLimits limits, int depth) {
        if (depth > limits.maxDepth()) {
            throw new DrislException(DrislException.Reason.TOO_DEEP, "nested deeper than " + limits.maxDepth());
        }
        List<String> keys = new ArrayList<>();
        List<byte[]> keyBytes = new ArrayList<>();
        List<DataValue> values = new ArrayList<>();
        byte[] previous = null;
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            if (keys.size() >= limits.maxContainerElements()) {
                throw new DrislException(DrislException.Reason.TOO_MANY_ELEMENTS,
                        "map with more than " + limits.maxContainerElements() + " entries");
            }
            String key = p.currentName();
            if (!StringValue.isWellFormed(key)) {
                throw new DrislException(DrislException.Reason.MALFORMED, "map key is not valid UTF-8");
            }
            byte[] kb = key.getBytes(StandardCharsets.UTF_8);
            if (kb.length > limits.maxKeyBytes()) {
                throw new DrislException(DrislException.Reason.KEY_TOO_LONG, "map key longer than " + limits.maxKeyBytes() + " bytes");
            }
            if (previous != null) {
                int c = MapValue.KEY_ORDER.compare(previous, kb);
                if (c == 0) {
                    throw new DrislException(DrislException.Reason.DUPLICATE_KEY, "duplicate map key \"" + key + "\"");
                }
                if (c > 0) {
                    throw new DrislException(DrislException.Reason.NON_CANONICAL, "map keys out of canonical order at \"" + key + "\"");
                }
            }
            previous = kb;
            keys.add(key);
            keyBytes.add(kb);
            JsonToken v = p.nextToken();
            if (v == null) {
                throw new DrislException(DrislException.Reason.TRUNCATED, "map cut short");
            }
            values.add(read(p, v, limits, depth + 1));
        }
        if (n != JsonToken.END_OBJECT) {
            throw new DrislException(n == null ? DrislException.Reason.TRUNCATED : DrislException.Reason.NON_STRING_KEY,
                    "map keys must be text strings");
        }
        MapValue map = MapValue.ofSorted(keys.toArray(String[]::new), keyBytes.toArray(byte[][]::new),
                values.toArray(DataValue[]::new));
        try {
            DataModel.checkMap(map, "");
        } catch (InvalidDataException e) {
            throw new DrislException(DrislException.Reason.INVALID_DATA, e.getMessage());
        }
        return map;
    }

    /** A map key whose UTF-8 bytes the map already holds, so the generator does not encode it again. */
    private static final class Utf8Name extends SerializedString {
        Utf8Name(String key, byte[] utf8) {
            super(key);
            _unquotedUTF8Ref = utf8;
        }
    }

    /** The CID (dag-cbor, sha2-256) of {@code value}'s canonical encoding. */
    public static Cid cidOf(DataValue value) {
        return Cid.ofDrisl(encode(value));
    }
}
