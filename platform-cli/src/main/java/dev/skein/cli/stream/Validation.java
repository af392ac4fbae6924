package dev.skein.cli.stream;

import java.util.List;

/**
 * A record's validation against the lexicons: {@code valid}, {@code invalid} with the errors (each naming the
 * field and the rule), or {@code unknown} when the catalog has no schema for its collection (the spec's
 * optimistic mode lets such records through unchecked).
 */
public record Validation(Status status, List<String> errors) {
    public enum Status {
        VALID, INVALID, UNKNOWN;

        /** The word printed: {@code valid}, {@code invalid}, {@code unknown}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Validation VALID = new Validation(Status.VALID, List.of());
    public static final Validation UNKNOWN = new Validation(Status.UNKNOWN, List.of());

    public Validation {
        errors = List.copyOf(errors);
    }

    public static Validation invalid(List<String> errors) {
        return new Validation(Status.INVALID, errors);
    }

    public boolean isValid() {
        return status == Status.VALID;
    }
}
