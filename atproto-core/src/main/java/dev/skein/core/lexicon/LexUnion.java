package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/**
 * The {@code union} type: the value is an object whose {@code $type} names one of {@code refs}. An open union
 * (the default) also accepts variants it does not list; a closed one does not.
 */
public record LexUnion(Optional<String> description, List<SchemaRef> refs, boolean closed)
        implements LexFieldType, LexBodySchema {
    public LexUnion {
        refs = List.copyOf(refs);
    }

    @Override
    public String type() {
        return "union";
    }
}
