package dev.skein.lexicon.codegen;

import java.util.List;
import java.util.Optional;

/** A sealed interface for a Lexicon union, with one record per variant (and {@code Unknown} if it is open). */
record UnionModel(GenRef self, boolean closed, Optional<String> description, List<Variant> variants)
        implements TypeModel {
    UnionModel {
        variants = List.copyOf(variants);
    }

    /**
     * One variant: the record wrapping the generated type {@code target} that {@code $type} {@code typeTag}
     * names. A record type keeps its {@code $type}; an object is read without it.
     */
    record Variant(String name, String typeTag, GenRef target, boolean targetIsRecord) {}

    @Override
    public List<TypeModel> nested() {
        return List.of();
    }
}
