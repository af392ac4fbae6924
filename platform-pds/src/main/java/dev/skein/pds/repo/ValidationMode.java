package dev.skein.pds.repo;

import java.util.Optional;

/**
 * The {@code validate} flag of a record write (spec: Lexicon, "Validation Options").
 */
public enum ValidationMode {
    /** {@code validate: true}: the record must validate against a schema this PDS knows. */
    REQUIRE,
    /** {@code validate: false}: no Lexicon validation (the data model and {@code $type} are still checked). */
    SKIP,
    /** No flag: validate when the schema is known, otherwise store the record as {@code unknown}. */
    OPTIMISTIC;

    public static ValidationMode of(Optional<Boolean> flag) {
        return flag.map(v -> v ? REQUIRE : SKIP).orElse(OPTIMISTIC);
    }
}
