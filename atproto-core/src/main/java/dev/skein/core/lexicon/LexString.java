package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/**
 * The {@code string} type. {@code minLength}/{@code maxLength} count UTF-8 bytes, {@code minGraphemes}/
 * {@code maxGraphemes} count extended grapheme clusters; {@code knownValues} is an open set (documentation
 * only), {@code enum} a closed one.
 */
public record LexString(
        Optional<String> description,
        Optional<StringFormat> format,
        Optional<Integer> minLength,
        Optional<Integer> maxLength,
        Optional<Integer> minGraphemes,
        Optional<Integer> maxGraphemes,
        List<String> knownValues,
        Optional<List<String>> enumValues,
        Optional<String> defaultValue,
        Optional<String> constValue) implements LexFieldType {
    public LexString {
        knownValues = List.copyOf(knownValues);
        enumValues = enumValues.map(List::copyOf);
    }

    /** A string with no constraints. */
    public static LexString plain() {
        return new LexString(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String type() {
        return "string";
    }
}
