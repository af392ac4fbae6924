package dev.skein.core.data;

/**
 * The data model's rules beyond the value types themselves: a {@code $type} is a non-empty string, and a
 * map that says it is a blob has a well-formed blob shape. Decoders apply them to every map they build.
 */
public final class DataModel {
    private DataModel() {}

    /** Checks one map (not its children). */
    public static void checkMap(MapValue map, String path) {
        DataValue type = map.get("$type");
        if (type != null) {
            if (!(type instanceof StringValue s)) {
                throw new InvalidDataException(path, "$type must be a string, not " + type.kind());
            }
            if (s.value().isEmpty()) {
                throw new InvalidDataException(path, "$type must not be empty");
            }
            if (s.value().equals("blob")) {
                try {
                    BlobRef.from(map);
                } catch (InvalidDataException e) {
                    throw new InvalidDataException(path.isEmpty() ? e.path() : path + "/" + e.path(),
                            e.getMessage().substring(e.path().length() + 2));
                }
            }
        }
    }

    /** Checks a whole value tree. */
    public static void check(DataValue value) {
        check(value, "");
    }

    private static void check(DataValue value, String path) {
        switch (value) {
            case MapValue m -> {
                checkMap(m, path);
                for (int i = 0; i < m.size(); i++) {
                    check(m.value(i), path + "/" + m.key(i));
                }
            }
            case ArrayValue a -> {
                for (int i = 0; i < a.size(); i++) {
                    check(a.get(i), path + "/" + i);
                }
            }
            default -> { }
        }
    }
}
