package dev.skein.pds.repo;

import java.util.Locale;

/** The {@code validationStatus} a write reports: whether the record was checked against a known schema. */
public enum ValidationStatus {
    VALID,
    UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
