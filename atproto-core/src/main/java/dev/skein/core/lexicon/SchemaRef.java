package dev.skein.core.lexicon;

import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to one definition: the NSID of its document and the definition's name. Written as the bare
 * NSID for {@code main} and as {@code nsid#name} otherwise; inside a document {@code #name} is a local
 * reference, made global when the document is parsed.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-files">Lexicon files</a>.
 */
public record SchemaRef(Nsid nsid, String name) {
    public static final String MAIN = "main";

    /**
     * Definition names: in practice camelCase identifiers. Underscores and hyphens are allowed for third-party
     * schemas; {@code #} and {@code .} never are, since they delimit references.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");

    public SchemaRef {
        Objects.requireNonNull(nsid, "nsid");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid definition name: " + name);
        }
    }

    public static SchemaRef main(Nsid nsid) {
        return new SchemaRef(nsid, MAIN);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Parses a global reference, {@code nsid} or {@code nsid#name}.
     *
     * @throws IllegalArgumentException (an {@link InvalidSyntaxException} for a bad NSID) when malformed
     */
    public static SchemaRef parse(String ref) {
        return parse(ref, null);
    }

    /** Parses a reference that may be local ({@code #name}) to the document {@code base}. */
    public static SchemaRef parse(String ref, Nsid base) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return main(Nsid.parse(ref));
        }
        String name = ref.substring(hash + 1);
        if (hash == 0) {
            if (base == null) {
                throw new IllegalArgumentException("a local reference needs a document: " + ref);
            }
            return new SchemaRef(base, name);
        }
        return new SchemaRef(Nsid.parse(ref.substring(0, hash)), name);
    }

    /** The reference a {@code $type} names, or empty when the string is not one (including {@code #main}). */
    public static Optional<SchemaRef> fromType(String type) {
        if (type.endsWith("#" + MAIN) || type.startsWith("#")) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isMain() {
        return name.equals(MAIN);
    }

    /** The canonical form: the bare NSID for {@code main}, which is also what a {@code $type} must say. */
    @Override
    public String toString() {
        return isMain() ? nsid.toString() : nsid + "#" + name;
    }
}
