package dev.skein.core.lexicon;

import java.util.Optional;

/**
 * The rules of a {@code string} schema, cheapest first. Lengths are only computed when a bound is set, and
 * graphemes only counted when the UTF-16 length can not settle the bound: a string has at most as many
 * grapheme clusters as UTF-16 units (and at most as many of those as UTF-8 bytes).
 */
final class StringChecks {
    private StringChecks() {}

    static void check(DataValidator v, LexString schema, String s, String path) {
        schema.constValue().filter(c -> !c.equals(s)).ifPresent(c ->
                v.error(path, ValidationRule.CONST, path + " must be " + c));
        schema.enumValues().filter(e -> !e.contains(s)).ifPresent(e ->
                v.error(path, ValidationRule.ENUM, path + " must be one of (" + String.join("|", e) + ")"));
        utf8(v, schema, s, path);
        graphemes(v, schema, s, path);
        schema.format().ifPresent(f -> StringFormats.problem(f, s).ifPresent(reason ->
                v.error(path, ValidationRule.FORMAT, path + " must be a valid " + f + ": " + reason)));
    }

    private static void utf8(DataValidator v, LexString schema, String s, String path) {
        Optional<Integer> min = schema.minLength();
        Optional<Integer> max = schema.maxLength();
        // UTF-16 units <= UTF-8 bytes <= 3 * UTF-16 units
        boolean minSettled = min.isEmpty() || s.length() >= min.get();
        boolean maxSettled = max.isEmpty() || 3L * s.length() <= max.get();
        if (minSettled && maxSettled) {
            return;
        }
        long bytes = Graphemes.utf8Length(s);
        min.filter(m -> bytes < m).ifPresent(m -> v.error(path, ValidationRule.MIN_LENGTH,
                path + " must not be shorter than " + m + " bytes (UTF-8)"));
        max.filter(m -> bytes > m).ifPresent(m -> v.error(path, ValidationRule.MAX_LENGTH,
                path + " must not be longer than " + m + " bytes (UTF-8)"));
    }

    private static void graphemes(DataValidator v, LexString schema, String s, String path) {
        Optional<Integer> min = schema.minGraphemes();
        Optional<Integer> max = schema.maxGraphemes();
        boolean maxSettled = max.isEmpty() || s.length() <= max.get();
        boolean minSettled = min.isEmpty() || min.get() == 0 || (min.get() == 1 && !s.isEmpty());
        if (!minSettled && s.length() < min.get()) {
            v.error(path, ValidationRule.MIN_GRAPHEMES, path + " must not be shorter than " + min.get() + " graphemes");
            minSettled = true;
        }
        if (minSettled && maxSettled) {
            return;
        }
        int limit = Math.max(max.orElse(0), min.orElse(0));
        int count = Graphemes.count(s, limit);
        if (!minSettled && count < min.get()) {
            v.error(path, ValidationRule.MIN_GRAPHEMES, path + " must not be shorter than " + min.get() + " graphemes");
        }
        if (!maxSettled && count > max.get()) {
            v.error(path, ValidationRule.MAX_GRAPHEMES, path + " must not be longer than " + max.get() + " graphemes");
        }
    }
}
