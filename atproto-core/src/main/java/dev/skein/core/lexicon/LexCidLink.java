package dev.skein.core.lexicon;

import java.util.Optional;

/** The {@code cid-link} type: a data-model link. */
public record LexCidLink(Optional<String> description) implements LexFieldType {
    @Override
    public String type() {
        return "cid-link";
    }
}
