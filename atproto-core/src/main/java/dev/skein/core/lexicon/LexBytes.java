package dev.skein.core.lexicon;

import java.util.Optional;

/** The {@code bytes} type; the length bounds count raw bytes. */
public record LexBytes(Optional<String> description, Optional<Integer> minLength, Optional<Integer> maxLength)
        implements LexFieldType {
    @Override
    public String type() {
        return "bytes";
    }
}
