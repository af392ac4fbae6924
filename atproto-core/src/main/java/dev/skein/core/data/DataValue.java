package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import java.util.List;

/**
 * A value of the atproto data model. The permitted types are exactly the data model's kinds; switch over
 * them with patterns.
 */
public sealed interface DataValue
        permits NullValue, BoolValue, IntValue, StringValue, BytesValue, LinkValue, ArrayValue, MapValue {

    /** A short name of the kind, for error messages (e.g. {@code "string"}). */
    String kind();

    static DataValue of(String s) {
        return new StringValue(s);
    }

    static DataValue of(long v) {
        return new IntValue(v);
    }

    static DataValue of(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static DataValue of(Cid cid) {
        return new LinkValue(cid);
    }

    static DataValue of(byte[] bytes) {
        return new BytesValue(bytes);
    }

    static DataValue nullValue() {
        return NullValue.INSTANCE;
    }

    static ArrayValue array(List<? extends DataValue> items) {
        return new ArrayValue(List.copyOf(items));
    }
}
