package dev.skein.core.lexicon;

import java.util.Optional;

/**
 * The {@code token} type: a named symbol with no data representation, used as a value of {@code knownValues}
 * or {@code enum} by its full reference ({@code nsid#name}).
 */
public record LexToken(Optional<String> description) implements LexSchema {
    @Override
    public String type() {
        return "token";
    }
}
