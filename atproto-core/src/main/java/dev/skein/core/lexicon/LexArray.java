package dev.skein.core.lexicon;

import java.util.Objects;
import java.util.Optional;

/** The {@code array} type; the length bounds count elements. */
public record LexArray(Optional<String> description, LexFieldType items, Optional<Integer> minLength,
        Optional<Integer> maxLength) implements LexFieldType {
    public LexArray {
        Objects.requireNonNull(items, "items");
    }

    @Override
    public String type() {
        return "array";
    }
}
