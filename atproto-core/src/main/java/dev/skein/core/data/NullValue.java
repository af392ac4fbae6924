package dev.skein.core.data;

/** The data model's null, which is distinct from an absent key. */
public enum NullValue implements DataValue {
    INSTANCE;

    @Override
    public String kind() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
