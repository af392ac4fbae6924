package dev.skein.core.lexicon;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed, path-tracking reads of the fields of one JSON object in a schema document. */
final class DefReader {
    private final MapValue map;
    private final String path;

    private DefReader(MapValue map, String path) {
        this.map = map;
        this.path = path;
    }

    static DefReader of(DataValue value, String path) {
        if (!(value instanceof MapValue m)) {
            throw new LexiconException(Reason.WRONG_TYPE, path, "must be an object, not " + value.kind());
        }
        return new DefReader(m, path);
    }

    MapValue map() {
        return map;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return child(path, key);
    }

    /** A JSON pointer one step down ({@code ~} and {@code /} escaped as RFC 6901 says). */
    static String child(String path, String key) {
        return path + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    LexiconException error(Reason reason, String key, String detail) {
        return new LexiconException(reason, key == null ? path : path(key), detail);
    }

    Optional<DataValue> value(String key) {
        return Optional.ofNullable(map.get(key));
    }

    Optional<String> description() {
        return string("description");
    }

    Optional<String> string(String key) {
        DataValue v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof StringValue s)) {
            throw wrongType(key, "a string", v);
        }
        return Optional.of(s.value());
    }

    String requireString(String key) {
        return string(key).orElseThrow(() -> missing(key));
    }

    Optional<Boolean> bool(String key) {
        DataValue v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof BoolValue b)) {
            throw wrongType(key, "a boolean", v);
        }
        return Optional.of(b.value());
    }

    Optional<Long> integer(String key) {
        DataValue v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof IntValue i)) {
            throw wrongType(key, "an integer", v);
        }
        return Optional.of(i.value());
    }

    /** A length or count: a non-negative integer that fits an {@code int}. */
    Optional<Integer> length(String key) {
        return integer(key).map(n -> {
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw error(Reason.INVALID_CONSTRAINT, key, "must be between 0 and " + Integer.MAX_VALUE + ", not " + n);
            }
            return n.intValue();
        });
    }

    Optional<List<String>> strings(String key) {
        return array(key).map(items -> {
            List<String> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof StringValue s)) {
                    throw new LexiconException(Reason.WRONG_TYPE, path(key) + "/" + i,
                            "must be a string, not " + items.get(i).kind());
                }
                out.add(s.value());
            }
            return out;
        });
    }

    Optional<List<Long>> integers(String key) {
        return array(key).map(items -> {
            List<Long> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof IntValue n)) {
                    throw new LexiconException(Reason.WRONG_TYPE, path(key) + "/" + i,
                            "must be an integer, not " + items.get(i).kind());
                }
                out.add(n.value());
            }
            return out;
        });
    }

    Optional<List<DataValue>> array(String key) {
        DataValue v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof ArrayValue a)) {
            throw wrongType(key, "an array", v);
        }
        return Optional.of(a.items());
    }

    Optional<DefReader> object(String key) {
        DataValue v = map.get(key);
        return v == null ? Optional.empty() : Optional.of(of(v, path(key)));
    }

    DefReader requireObject(String key) {
        return object(key).orElseThrow(() -> missing(key));
    }

    LexiconException missing(String key) {
        return error(Reason.MISSING_FIELD, null, "missing required field \"" + key + "\"");
    }

    private LexiconException wrongType(String key, String expected, DataValue actual) {
        return error(Reason.WRONG_TYPE, key, "must be " + expected + ", not " + actual.kind());
    }
}
