package dev.skein.lexicon.codegen;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.LexiconParser;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.files.LexiconFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates Java types from Lexicon schemas: for each Lexicon the configuration includes, one top-level type
 * named after the NSID ({@code agent.comms.message} becomes {@code dev.skein.lexicon.agent.comms.Message}).
 *
 * <ul>
 *   <li>A {@code record} or {@code object} {@code main} definition becomes a Java record; any other Lexicon a
 *       final class. Either holds {@code NSID} (an {@code Nsid}) and {@code ID} (a {@code String}).</li>
 *   <li>Every other {@code object} definition, and every object written inline, becomes a nested record; its
 *       components are typed (syntax types for string formats, {@code long}, {@code boolean}, {@code Cid},
 *       {@code BlobRef}, {@code BytesValue}, {@code MapValue} for {@code unknown}, generated types for refs),
 *       {@code Optional} where the schema does not require a field, {@code List} for arrays. A last
 *       component, {@code otherFields}, keeps the fields the schema does not declare, so that data read and
 *       written again is unchanged.</li>
 *   <li>A union becomes a sealed interface with a record per variant and, for an open union, {@code Unknown}.</li>
 *   <li>Each record has {@code static fromValue(MapValue)} and {@code toValue()}, the data-model forms that
 *       {@code DataJson} and {@code Drisl} turn into JSON and DAG-CBOR.</li>
 *   <li>Known and enumerated string values, and tokens, become {@code String} constants.</li>
 *   <li>Optionally, every Lexicon of the catalog gets an NSID constant ({@link NsidConstants}).</li>
 * </ul>
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon">Lexicon</a>.
 */
public final class JavaGenerator {
    private final LexiconCatalog catalog;
    private final GeneratorConfig config;
    private final KeyOrder order;

    /** A generator of types for a catalog; components and definitions come in the catalog's (canonical) order. */
    public JavaGenerator(LexiconCatalog catalog, GeneratorConfig config) {
        this(catalog, config, KeyOrder.NONE);
    }

    private JavaGenerator(LexiconCatalog catalog, GeneratorConfig config, KeyOrder order) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.config = Objects.requireNonNull(config, "config");
        this.order = order;
    }

    /**
     * A generator of types for the schema files of a lexicon folder, with components and definitions in the
     * order the files list them.
     *
     * @throws dev.skein.core.lexicon.LexiconException when a schema file does not parse
     */
    public static JavaGenerator of(LexiconFiles files, GeneratorConfig config) {
        Map<Nsid, byte[]> sources = new HashMap<>();
        for (byte[] json : files.schemaFiles().values()) {
            sources.put(LexiconParser.parse(json).id(), json);
        }
        return new JavaGenerator(files.catalog(), config, KeyOrder.of(sources));
    }

    /**
     * The source files, one per included Lexicon plus a {@code package-info} per package, and the NSID constants
     * when configured, sorted by path.
     *
     * @throws GeneratorException when a reference does not resolve or names a Lexicon that is not included
     */
    public List<GeneratedSource> generate() {
        TypeIndex index = new TypeIndex(catalog, config, order);
        Map<String, List<Nsid>> packages = new TreeMap<>();
        List<GeneratedSource> out = new ArrayList<>();
        for (Nsid id : index.lexicons()) {
            LexiconDocument doc = catalog.document(id).orElseThrow();
            String qualified = index.topLevel(id);
            String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
            String simple = qualified.substring(pkg.length() + 1);
            TypeModel model = new DocumentPlanner(catalog, index, doc, order).plan();
            Set<String> others = new HashSet<>(index.packageTypes(pkg));
            others.remove(simple);
            out.add(new GeneratedSource(pkg, simple, new SourceRenderer(pkg, id.toString(), model, others).render()));
            packages.computeIfAbsent(pkg, p -> new ArrayList<>()).add(id);
        }
        packages.forEach((pkg, ids) -> out.add(new GeneratedSource(pkg, "package-info", packageInfo(pkg, ids))));
        if (config.nsidConstants()) {
            out.addAll(new NsidConstants(catalog, config.nsidPackage()).generate());
        }
        out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        return out;
    }

    /**
     * Generates into {@code sourceRoot}: files whose text is unchanged are left alone (so the compiler need not
     * redo them), and {@code .java} files under the generated packages that are no longer generated are deleted.
     *
     * @return the files generated
     */
    public List<Path> writeTo(Path sourceRoot) {
        List<GeneratedSource> sources = generate();
        List<Path> written = new ArrayList<>();
        Set<Path> keep = new HashSet<>();
        try {
            for (GeneratedSource s : sources) {
                Path file = sourceRoot.resolve(s.relativePath());
                keep.add(file.toAbsolutePath().normalize());
                byte[] content = s.content().getBytes(StandardCharsets.UTF_8);
                if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, content);
                }
                written.add(file);
            }
            Path base = sourceRoot.resolve(config.basePackage().replace('.', '/'));
            if (Files.isDirectory(base)) {
                try (Stream<Path> walk = Files.walk(base)) {
                    for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                        if (!keep.contains(p.toAbsolutePath().normalize())) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new GeneratorException(sourceRoot.toString(), "can not write: " + e.getMessage(), e);
        }
        return written;
    }

    private static String packageInfo(String pkg, List<Nsid> ids) {
        CodeWriter w = new CodeWriter();
        String namespace = ids.getFirst().toString().substring(0, ids.getFirst().toString().lastIndexOf('.'));
        w.line("// Generated by dev.skein.lexicon.codegen.JavaGenerator: do not edit, change the schemas.");
        StringBuilder doc = new StringBuilder("Java types generated from the Lexicons of {@code " + namespace
                + "}: ");
        for (int i = 0; i < ids.size(); i++) {
            doc.append(i == 0 ? "" : ", ").append("{@code ").append(ids.get(i).name()).append('}');
        }
        doc.append(". Read one with {@code fromValue(MapValue)}, write it with {@code toValue()}; the shape is checked,"
                + " the constraints are the LexiconValidator's.\n\n<p>Spec: <a href=\"https://atproto.com/specs/"
                + "lexicon\">Lexicon</a>.");
        w.javadoc(doc.toString());
        w.line("package " + pkg + ";");
        return w.toString();
    }
}
