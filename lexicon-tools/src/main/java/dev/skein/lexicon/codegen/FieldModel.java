package dev.skein.lexicon.codegen;

import java.util.Optional;

/** One property of a generated record: its JSON name, its component name and type, and whether it must be there. */
record FieldModel(String jsonName, String javaName, FieldType type, boolean required, boolean nullable,
        Optional<String> description) {

    /** Whether the component is an {@code Optional}: absent or null is possible. */
    boolean optional() {
        return !required || nullable;
    }
}
