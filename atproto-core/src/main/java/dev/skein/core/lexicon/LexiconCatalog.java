package dev.skein.core.lexicon;

import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable set of Lexicon documents, by NSID, that resolves references ({@code nsid}, {@code nsid#name})
 * to definitions. Build one from documents, a folder of {@code *.json} files, or classpath resources; then
 * {@link #checkRefs()} to make sure every ref and union member points at a definition it may point at.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
public final class LexiconCatalog {
    public static final LexiconCatalog EMPTY = new LexiconCatalog(Map.of());

    private final Map<Nsid, LexiconDocument> documents;

    private LexiconCatalog(Map<Nsid, LexiconDocument> documents) {
        this.documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A catalog of these documents; two with the same NSID are an error. */
    public static LexiconCatalog of(Collection<LexiconDocument> documents) {
        Builder b = builder();
        documents.forEach(b::add);
        return b.build();
    }

    /** Every {@code *.json} file under {@code folder}, recursively. */
    /** Folders of this name hold example records, not lexicons, and are skipped by {@link #fromFolder}. */
    public static final String EXAMPLES_FOLDER = "examples";

    public static LexiconCatalog fromFolder(Path folder) {
        return builder().addFolder(folder).build();
    }

    /** The listed classpath resources (paths like {@code lexicons/com/atproto/repo/createRecord.json}). */
    public static LexiconCatalog fromResources(ClassLoader loader, Collection<String> resources) {
        Builder b = builder();
        resources.forEach(r -> b.addResource(loader, r));
        return b.build();
    }

    /**
     * The resources named in an index resource: one path a line, relative to the index's folder unless it
     * starts with {@code /}; blank lines and lines starting with {@code #} are skipped.
     */
    public static LexiconCatalog fromResourceIndex(ClassLoader loader, String index) {
        return builder().addResourceIndex(loader, index).build();
    }

    /** A builder holding this catalog's documents, to add more. */
    public Builder toBuilder() {
        Builder b = builder();
        documents.values().forEach(b::add);
        return b;
    }

    public Optional<LexiconDocument> document(Nsid id) {
        return Optional.ofNullable(documents.get(id));
    }

    public boolean contains(Nsid id) {
        return documents.containsKey(id);
    }

    public Collection<LexiconDocument> documents() {
        return documents.values();
    }

    public int size() {
        return documents.size();
    }

    /** The definition {@code ref} names, if the catalog has it. */
    public Optional<LexSchema> find(SchemaRef ref) {
        LexiconDocument doc = documents.get(ref.nsid());
        return doc == null ? Optional.empty() : doc.def(ref.name());
    }

    /** The definition a global reference string ({@code nsid} or {@code nsid#name}) names, if any. */
    public Optional<LexSchema> find(String ref) {
        try {
            return find(SchemaRef.parse(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The definition {@code ref} names.
     *
     * @throws LexiconException ({@link Reason#UNRESOLVED_REF}) when the catalog does not have it
     */
    public LexSchema resolve(SchemaRef ref) {
        return find(ref).orElseThrow(() -> new LexiconException(Reason.UNRESOLVED_REF, "",
                "no definition " + ref + " in the catalog"));
    }

    /**
     * Every reference in the catalog that does not resolve, or that points at a definition of a kind it can
     * not point at (a ref to a token or an XRPC method; a union member that is not an object or record).
     */
    public List<LexiconException> refProblems() {
        return RefChecker.problems(this);
    }

    /**
     * Checks that every reference resolves (see {@link #refProblems()}).
     *
     * @return this catalog
     * @throws LexiconException ({@link Reason#UNRESOLVED_REF}) whose message lists every problem
     */
    public LexiconCatalog checkRefs() {
        List<LexiconException> problems = refProblems();
        if (!problems.isEmpty()) {
            StringBuilder detail = new StringBuilder().append(problems.size()).append(" reference problem(s): ");
            for (int i = 0; i < problems.size(); i++) {
                LexiconException p = problems.get(i);
                detail.append(i == 0 ? "" : "; ").append(p.source().orElse("?")).append(' ').append(p.path())
                        .append(": ").append(p.detail());
            }
            throw new LexiconException(Reason.UNRESOLVED_REF, "", detail.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return "LexiconCatalog" + documents.keySet();
    }

    /** Collects documents; adding two with the same NSID fails. */
    public static final class Builder {
        private final Map<Nsid, LexiconDocument> documents = new LinkedHashMap<>();
        private final Map<Nsid, String> sources = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(LexiconDocument document) {
            return add(document, document.id().toString());
        }

        /** Parses and adds one JSON document; {@code source} names it in errors (a file or resource path). */
        public Builder addJson(byte[] json, String source) {
            LexiconDocument doc;
            try {
                doc = LexiconParser.parse(json);
            } catch (LexiconException e) {
                throw e.withSource(e.source().map(id -> source + " (" + id + ")").orElse(source));
            }
            return add(doc, source);
        }

        /** Adds every {@code *.json} file under {@code folder}, recursively, in path order. */
        /** Example records beside the schemas ({@code <namespace>/examples/…}) are data, not lexicons. */
        private static boolean isUnderExamples(Path relative) {
            for (Path part : relative) {
                if (part.toString().equals(EXAMPLES_FOLDER)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Adds every {@code *.json} below {@code folder}, except those in folders named {@code examples}, where
         * the project keeps example records next to their schemas.
         */
        public Builder addFolder(Path folder) {
            if (!Files.isDirectory(folder)) {
                throw new LexiconException(Reason.UNREADABLE, "", "not a folder").withSource(folder.toString());
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .filter(p -> !isUnderExamples(folder.relativize(p)))
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw new LexiconException(Reason.UNREADABLE, "", "can not list: " + e.getMessage())
                        .withSource(folder.toString()).withCause(e);
            }
            for (Path file : files) {
                byte[] json;
                try {
                    json = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new LexiconException(Reason.UNREADABLE, "", "can not read: " + e.getMessage())
                            .withSource(file.toString()).withCause(e);
                }
                addJson(json, file.toString());
            }
            return this;
        }

        /** Adds one classpath resource ({@code a/b/c.json}; a leading {@code /} is ignored). */
        public Builder addResource(ClassLoader loader, String resource) {
            return addJson(readResource(loader, resource), resource);
        }

        /** Adds the resources named in an index resource (see {@link LexiconCatalog#fromResourceIndex}). */
        public Builder addResourceIndex(ClassLoader loader, String index) {
            String text = new String(readResource(loader, index), StandardCharsets.UTF_8);
            String name = stripSlash(index);
            String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            for (String line : text.lines().map(String::strip).toList()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                addResource(loader, line.startsWith("/") ? line : folder + line);
            }
            return this;
        }

        public LexiconCatalog build() {
            return new LexiconCatalog(documents);
        }

        private Builder add(LexiconDocument document, String source) {
            String previous = sources.putIfAbsent(document.id(), source);
            if (previous != null) {
                throw new LexiconException(Reason.DUPLICATE_ID, "/id",
                        "Lexicon " + document.id() + " is already in the catalog, from " + previous)
                        .withSource(source);
            }
            documents.put(document.id(), document);
            return this;
        }

        private static byte[] readResource(ClassLoader loader, String resource) {
            try (InputStream in = loader.getResourceAsStream(stripSlash(resource))) {
                if (in == null) {
                    throw new LexiconException(Reason.UNREADABLE, "", "no such classpath resource")
                            .withSource(resource);
                }
                return in.readNBytes(LexiconParser.MAX_DOCUMENT_BYTES + 1);
            } catch (IOException e) {
                throw new LexiconException(Reason.UNREADABLE, "", "can not read: " + e.getMessage())
                        .withSource(resource).withCause(e);
            }
        }

        private static String stripSlash(String resource) {
            return resource.startsWith("/") ? resource.substring(1) : resource;
        }
    }
}
