package dev.skein.core.lexicon;

import java.util.Objects;

/**
 * One way a value fails its schema. {@code path} starts with what was validated ({@code Record},
 * {@code Input}, {@code Output}, {@code Params}, {@code Message}, {@code Value}) and goes down by JSON-pointer
 * segments ({@code Record/embed/images/0/alt}); {@code message} is the sentence to show, e.g.
 * {@code Record/text must not be longer than 300 graphemes}.
 */
public record ValidationError(String path, ValidationRule rule, String message) {
    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message + " [" + rule.specName() + "]";
    }
}
