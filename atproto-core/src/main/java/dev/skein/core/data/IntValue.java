package dev.skein.core.data;

/** A signed 64-bit integer (the data model has no floats). */
public record IntValue(long value) implements DataValue {
    @Override
    public String kind() {
        return "integer";
    }
}
