package dev.skein.core.lexicon;

import java.util.Optional;

/** The {@code boolean} type. {@code default} and {@code const} are mutually exclusive. */
public record LexBoolean(Optional<String> description, Optional<Boolean> defaultValue, Optional<Boolean> constValue)
        implements LexFieldType {
    @Override
    public String type() {
        return "boolean";
    }
}
