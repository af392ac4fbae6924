package dev.skein.lexicon.runtime;

import dev.skein.core.data.MapValue;
import java.util.Objects;

/**
 * Checks the undeclared fields a generated type keeps: they must not hold a field the type declares (it would be
 * written twice), nor, for a record, {@code $type} (the record writes its own).
 */
public final class OtherFields {
    private OtherFields() {}

    /** {@code others}, checked against the declared field names of an object. */
    public static MapValue check(MapValue others, String... declared) {
        Objects.requireNonNull(others, "otherFields");
        for (String name : declared) {
            if (others.containsKey(name)) {
                throw new IllegalArgumentException("otherFields holds the declared field " + name);
            }
        }
        return others;
    }

    /** {@code others}, checked against the declared field names of a record and its {@code $type}. */
    public static MapValue checkRecord(MapValue others, String... declared) {
        if (others.containsKey("$type")) {
            throw new IllegalArgumentException("otherFields of a record must not hold $type");
        }
        return check(others, declared);
    }
}
