package dev.skein.core.data;

import java.util.List;

/** An array of values (immutable). */
public record ArrayValue(List<DataValue> items) implements DataValue {
    public static final ArrayValue EMPTY = new ArrayValue(List.of());

    public ArrayValue {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public DataValue get(int i) {
        return items.get(i);
    }

    @Override
    public String kind() {
        return "array";
    }
}
