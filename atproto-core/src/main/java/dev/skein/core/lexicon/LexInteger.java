package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/**
 * The {@code integer} type: a signed 64-bit integer with an optional range, closed {@code enum}, {@code default}
 * or {@code const}.
 */
public record LexInteger(
        Optional<String> description,
        Optional<Long> minimum,
        Optional<Long> maximum,
        Optional<List<Long>> enumValues,
        Optional<Long> defaultValue,
        Optional<Long> constValue) implements LexFieldType {
    public LexInteger {
        enumValues = enumValues.map(List::copyOf);
    }

    @Override
    public String type() {
        return "integer";
    }
}
