package dev.skein.core.lexicon;

import dev.skein.core.syntax.Nsid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Lexicon schema document: an NSID and its named definitions, of which at most one, {@code main}, is of a
 * primary type. Parse one with {@link LexiconParser}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-files">Lexicon files</a>.
 */
public record LexiconDocument(Nsid id, Optional<Long> revision, Optional<String> description,
        Map<String, LexSchema> defs) {
    /** The only Lexicon language version. */
    public static final int VERSION = 1;

    public LexiconDocument {
        Objects.requireNonNull(id, "id");
        defs = Collections.unmodifiableMap(new LinkedHashMap<>(defs));
    }

    public Optional<LexSchema> def(String name) {
        return Optional.ofNullable(defs.get(name));
    }

    /** The {@code main} definition, if the document has one. */
    public Optional<LexSchema> main() {
        return def(SchemaRef.MAIN);
    }

    /** The reference to definition {@code name} of this document. */
    public SchemaRef ref(String name) {
        return new SchemaRef(id, name);
    }
}
