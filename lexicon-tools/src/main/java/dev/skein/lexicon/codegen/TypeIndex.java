package dev.skein.lexicon.codegen;

import dev.skein.core.lexicon.LexObject;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.SchemaRef;
import dev.skein.core.syntax.Nsid;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of every generated type, fixed before any file is written so that files can refer to each other:
 * one top-level type per Lexicon, and a nested record per {@code object} definition other than {@code main}.
 */
final class TypeIndex {
    private final Map<Nsid, String> topLevel = new LinkedHashMap<>();
    private final Map<SchemaRef, GenRef> objects = new HashMap<>();
    private final Map<String, Set<String>> packageTypes = new HashMap<>();
    private final Map<Nsid, Set<String>> topMembers = new HashMap<>();

    TypeIndex(LexiconCatalog catalog, GeneratorConfig config, KeyOrder order) {
        List<LexiconDocument> docs = catalog.documents().stream()
                .filter(d -> config.includes(d.id()))
                .sorted(Comparator.comparing(d -> d.id().toString()))
                .toList();
        for (LexiconDocument doc : docs) {
            String pkg = JavaNames.packageOf(config.basePackage(), doc.id());
            Set<String> taken = packageTypes.computeIfAbsent(pkg, p -> new HashSet<>());
            String name = JavaNames.unique(JavaNames.typeName(doc.id().name()), taken);
            String qualified = pkg + "." + name;
            topLevel.put(doc.id(), qualified);
            Set<String> members = new HashSet<>(Set.of(name));
            for (Map.Entry<String, LexSchema> def : order.sorted(doc.id(), "/defs", doc.defs().entrySet())) {
                SchemaRef ref = doc.ref(def.getKey());
                boolean main = ref.isMain();
                if (main && (def.getValue() instanceof LexRecord || def.getValue() instanceof LexObject)) {
                    objects.put(ref, GenRef.top(qualified));
                } else if (def.getValue() instanceof LexObject) {
                    String nested = JavaNames.unique(JavaNames.typeName(def.getKey()), members);
                    objects.put(ref, GenRef.top(qualified).nested(nested));
                }
            }
            topMembers.put(doc.id(), members);
        }
    }

    /** The Lexicons to generate, by NSID. */
    Set<Nsid> lexicons() {
        return topLevel.keySet();
    }

    /** The qualified name of the top-level type of a generated Lexicon. */
    String topLevel(Nsid id) {
        return topLevel.get(id);
    }

    /** The generated type of an object or record definition, if it is generated. */
    Optional<GenRef> type(SchemaRef ref) {
        return Optional.ofNullable(objects.get(ref));
    }

    /** The simple names of the generated top-level types of a package. */
    Set<String> packageTypes(String pkg) {
        return Set.copyOf(packageTypes.getOrDefault(pkg, Set.of()));
    }

    /** The names already used by the types nested directly in a Lexicon's top-level type (and its own name). */
    Set<String> topMembers(Nsid id) {
        return new HashSet<>(topMembers.get(id));
    }
}
