package dev.skein.core.lexicon;

import java.util.Objects;
import java.util.Optional;

/** The {@code record} type: the schema of records in one collection, and the record keys it allows. */
public record LexRecord(Optional<String> description, RecordKeyType key, LexObject record) implements LexPrimary {
    public LexRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
    }

    @Override
    public String type() {
        return "record";
    }
}
