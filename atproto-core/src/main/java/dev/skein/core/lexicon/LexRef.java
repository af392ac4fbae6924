package dev.skein.core.lexicon;

import java.util.Objects;
import java.util.Optional;

/** The {@code ref} type: the value is described by another definition (local refs already made global). */
public record LexRef(Optional<String> description, SchemaRef ref) implements LexFieldType, LexBodySchema {
    public LexRef {
        Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String type() {
        return "ref";
    }
}
