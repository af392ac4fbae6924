package dev.skein.core.firehose;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of payload fields, each failure an {@link InvalidFrameException} naming the field. "Optional"
 * means the key may be absent; "nullable" means the key must be present and may hold {@code null}, as the
 * lexicon distinguishes them.
 */
final class Fields {
    private final MapValue map;
    private final String path;

    Fields(MapValue map, String path) {
        this.map = map;
        this.path = path;
    }

    static Fields of(DataValue value, String path) {
        if (!(value instanceof MapValue map)) {
            throw new InvalidFrameException(path.isEmpty() ? InvalidFrameException.Reason.INVALID_BODY
                    : InvalidFrameException.Reason.WRONG_TYPE, path.isEmpty() ? null : path,
                    "expected a map, got " + value.kind());
        }
        return new Fields(map, path);
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private DataValue required(String key) {
        DataValue v = map.get(key);
        if (v == null) {
            throw new InvalidFrameException(InvalidFrameException.Reason.MISSING_FIELD, name(key), "required field is missing");
        }
        return v;
    }

    private InvalidFrameException wrongType(String key, String expected, DataValue got) {
        return new InvalidFrameException(InvalidFrameException.Reason.WRONG_TYPE, name(key),
                "expected " + expected + ", got " + got.kind());
    }

    long integer(String key) {
        DataValue v = required(key);
        if (v instanceof IntValue i) {
            return i.value();
        }
        throw wrongType(key, "an integer", v);
    }

    boolean bool(String key) {
        DataValue v = required(key);
        if (v instanceof BoolValue b) {
            return b.value();
        }
        throw wrongType(key, "a boolean", v);
    }

    String string(String key) {
        DataValue v = required(key);
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw wrongType(key, "a string", v);
    }

    String optionalString(String key) {
        return map.get(key) == null ? null : string(key);
    }

    String nullableString(String key) {
        return required(key) instanceof NullValue ? null : string(key);
    }

    Did did(String key) {
        String s = string(key);
        return checked(name(key), () -> Did.parse(s));
    }

    Tid tid(String key) {
        String s = string(key);
        return checked(name(key), () -> Tid.parse(s));
    }

    Tid nullableTid(String key) {
        String s = nullableString(key);
        return s == null ? null : checked(name(key), () -> Tid.parse(s));
    }

    Datetime datetime(String key) {
        String s = string(key);
        return checked(name(key), () -> Datetime.parse(s));
    }

    Handle optionalHandle(String key) {
        String s = optionalString(key);
        return s == null ? null : checked(name(key), () -> Handle.parse(s));
    }

    Cid link(String key) {
        DataValue v = required(key);
        if (v instanceof LinkValue l) {
            return l.cid();
        }
        throw wrongType(key, "a cid-link", v);
    }

    Cid optionalLink(String key) {
        return map.get(key) == null ? null : link(key);
    }

    Cid nullableLink(String key) {
        return required(key) instanceof NullValue ? null : link(key);
    }

    byte[] bytes(String key) {
        DataValue v = required(key);
        if (v instanceof BytesValue b) {
            return b.value();
        }
        throw wrongType(key, "bytes", v);
    }

    List<DataValue> array(String key) {
        DataValue v = required(key);
        if (v instanceof ArrayValue a) {
            return a.items();
        }
        throw wrongType(key, "an array", v);
    }

    List<Cid> links(String key) {
        List<DataValue> items = array(key);
        List<Cid> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof LinkValue l)) {
                throw wrongType(key + "[" + i + "]", "a cid-link", items.get(i));
            }
            out.add(l.cid());
        }
        return out;
    }

    /** Runs a value check, turning its {@link IllegalArgumentException} into an {@code INVALID_FIELD} error. */
    static <T> T checked(String field, java.util.function.Supplier<T> construct) {
        try {
            return construct.get();
        } catch (InvalidFrameException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, field, e.getMessage(), e);
        }
    }
}
