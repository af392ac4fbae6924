package dev.skein.core.lexicon;

import java.util.Optional;

/** The {@code null} type: only the data-model null. Kept from Lexicon's first version for old schemas. */
public record LexNull(Optional<String> description) implements LexFieldType {
    @Override
    public String type() {
        return "null";
    }
}
