package dev.skein.lexicon.lint;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds string literals in Java sources that name a Lexicon: an NSID (optionally with a {@code #definition})
 * that the catalog has, or that sits in one of the catalog's namespaces. Services name Lexicons with the
 * generated constants ({@code dev.skein.lexicon.nsid}) instead, so that a typo or a Lexicon the build does not
 * know fails to compile. NSID-shaped strings outside the catalog's namespaces, such as JWT scopes
 * ({@code com.atproto.access}), are not Lexicons and pass.
 */
public final class NsidLiterals {
    /** Where a literal names a Lexicon. */
    public record Hit(Path file, int line, String literal) {
        @Override
        public String toString() {
            return file + ":" + line + ": the literal \"" + literal + "\" names a Lexicon: use its constant in "
                    + "dev.skein.lexicon.nsid";
        }
    }

    private static final Pattern NSID_SHAPED =
            Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9-]+)+\\.[a-zA-Z][a-zA-Z0-9]*(#[a-zA-Z][a-zA-Z0-9]*)?");

    private final Set<String> ids = new HashSet<>();
    private final Set<String> namespaces = new HashSet<>();

    public NsidLiterals(LexiconCatalog catalog) {
        for (LexiconDocument doc : catalog.documents()) {
            String id = doc.id().toString();
            ids.add(id);
            namespaces.add(id.substring(0, id.lastIndexOf('.')));
        }
    }

    /** Whether {@code literal} names a Lexicon of the catalog or of one of its namespaces. */
    public boolean namesLexicon(String literal) {
        if (!NSID_SHAPED.matcher(literal).matches()) {
            return false;
        }
        String id = literal.contains("#") ? literal.substring(0, literal.indexOf('#')) : literal;
        try {
            Nsid.parse(id);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return ids.contains(id) || namespaces.contains(id.substring(0, id.lastIndexOf('.')));
    }

    /** The hits in every {@code .java} file under {@code root}, in path order. */
    public List<Hit> scan(Path root) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<Hit> hits = new ArrayList<>();
        for (Path file : files) {
            try {
                hits.addAll(scan(file, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return hits;
    }

    /** The hits in one source text. */
    public List<Hit> scan(Path file, String source) {
        List<Hit> hits = new ArrayList<>();
        for (JavaStrings.Literal literal : JavaStrings.literals(source)) {
            if (namesLexicon(literal.value())) {
                hits.add(new Hit(file, literal.line(), literal.value()));
            }
        }
        return hits;
    }
}
