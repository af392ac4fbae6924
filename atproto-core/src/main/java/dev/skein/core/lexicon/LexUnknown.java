package dev.skein.core.lexicon;

import java.util.Optional;

/** The {@code unknown} type: any data-model object (not a blob, and not a non-object value). */
public record LexUnknown(Optional<String> description) implements LexFieldType {
    @Override
    public String type() {
        return "unknown";
    }
}
