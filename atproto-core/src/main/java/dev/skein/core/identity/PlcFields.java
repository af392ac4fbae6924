package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.identity.PlcOperationException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the fields of an operation object strictly: every field typed, no unknown fields. */
final class PlcFields {
    private PlcFields() {}

    static void onlyKeys(MapValue op, Set<String> allowed) {
        for (String k : op.keys()) {
            if (!allowed.contains(k)) {
                throw malformed("unknown field \"" + k + "\"");
            }
        }
    }

    static String string(MapValue op, String key) {
        DataValue v = op.get(key);
        if (v == null) {
            throw malformed("missing field \"" + key + "\"");
        }
        if (!(v instanceof StringValue s)) {
            throw malformed("\"" + key + "\" must be a string, not " + v.kind());
        }
        return s.value();
    }

    static Optional<String> optionalString(MapValue op, String key) {
        return op.containsKey(key) ? Optional.of(string(op, key)) : Optional.empty();
    }

    /** A {@code prev} field: present, and either null or the string form of a CID. */
    static Optional<Cid> prev(MapValue op) {
        DataValue v = op.get("prev");
        if (v == null) {
            throw malformed("missing field \"prev\" (a genesis operation has \"prev\": null)");
        }
        if (v instanceof NullValue) {
            return Optional.empty();
        }
        if (!(v instanceof StringValue s)) {
            throw malformed("\"prev\" must be a CID string or null, not " + v.kind());
        }
        return Optional.of(cid(s.value()));
    }

    static Cid cid(String text) {
        try {
            Cid cid = Cid.parse(text);
            if (!cid.toString().equals(text)) {
                throw malformed("CID " + text + " is not in canonical base32 form");
            }
            return cid;
        } catch (InvalidCidException e) {
            throw malformed("invalid CID " + text + ": " + e.getMessage());
        }
    }

    static List<String> stringList(MapValue op, String key) {
        DataValue v = op.get(key);
        if (!(v instanceof ArrayValue a)) {
            throw malformed("\"" + key + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>(a.size());
        for (DataValue item : a.items()) {
            if (!(item instanceof StringValue s)) {
                throw malformed("\"" + key + "\" must hold only strings, not " + item.kind());
            }
            out.add(s.value());
        }
        return Collections.unmodifiableList(out);
    }

    static Map<String, String> stringMap(MapValue op, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, DataValue> e : map(op, key).entries()) {
            if (!(e.getValue() instanceof StringValue s)) {
                throw malformed("\"" + key + "." + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), s.value());
        }
        return Collections.unmodifiableMap(out);
    }

    static Map<String, PlcService> services(MapValue op) {
        Map<String, PlcService> out = new LinkedHashMap<>();
        for (Map.Entry<String, DataValue> e : map(op, "services").entries()) {
            if (!(e.getValue() instanceof MapValue s)) {
                throw malformed("service \"" + e.getKey() + "\" must be an object");
            }
            onlyKeys(s, Set.of("type", "endpoint"));
            out.put(e.getKey(), new PlcService(string(s, "type"), string(s, "endpoint")));
        }
        return Collections.unmodifiableMap(out);
    }

    private static MapValue map(MapValue op, String key) {
        DataValue v = op.get(key);
        if (!(v instanceof MapValue m)) {
            throw malformed("\"" + key + "\" must be an object");
        }
        return m;
    }

    static DataValue stringArray(List<String> items) {
        List<DataValue> values = new ArrayList<>(items.size());
        for (String s : items) {
            values.add(new StringValue(s));
        }
        return new ArrayValue(values);
    }

    static DataValue stringMapValue(Map<String, String> map) {
        MapValue.Builder b = MapValue.builder();
        map.forEach(b::put);
        return b.build();
    }

    static PlcOperationException malformed(String message) {
        return new PlcOperationException(Reason.MALFORMED, message);
    }
}
