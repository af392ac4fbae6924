package dev.skein.core.data;

/** A boolean. */
public record BoolValue(boolean value) implements DataValue {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    @Override
    public String kind() {
        return "boolean";
    }
}
