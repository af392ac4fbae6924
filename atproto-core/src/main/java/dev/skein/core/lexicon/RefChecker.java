package dev.skein.core.lexicon;

import dev.skein.core.lexicon.LexiconException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the references in a catalog that do not resolve, or that point where the spec says they can not: a
 * {@code ref} never names a token or an XRPC method or permission set, and a union member is an object or a
 * record.
 */
final class RefChecker {
    private final LexiconCatalog catalog;
    private final List<LexiconException> problems = new ArrayList<>();
    private String source;

    private RefChecker(LexiconCatalog catalog) {
        this.catalog = catalog;
    }

    static List<LexiconException> problems(LexiconCatalog catalog) {
        RefChecker checker = new RefChecker(catalog);
        for (LexiconDocument doc : catalog.documents()) {
            checker.source = doc.id().toString();
            for (var def : doc.defs().entrySet()) {
                checker.schema(def.getValue(), DefReader.child("/defs", def.getKey()));
            }
        }
        return List.copyOf(checker.problems);
    }

    private void schema(LexSchema schema, String path) {
        switch (schema) {
            case LexRecord r -> field(r.record(), path + "/record");
            case LexQuery q -> {
                q.parameters().ifPresent(p -> properties(p.properties(), path + "/parameters"));
                body(q.output(), path + "/output");
            }
            case LexProcedure p -> {
                p.parameters().ifPresent(ps -> properties(ps.properties(), path + "/parameters"));
                body(p.input(), path + "/input");
                body(p.output(), path + "/output");
            }
            case LexSubscription s -> {
                s.parameters().ifPresent(p -> properties(p.properties(), path + "/parameters"));
                field(s.message().schema(), path + "/message/schema");
            }
            case LexFieldType f -> field(f, path);
            case LexPermissionSet ps -> { }
            case LexParams p -> properties(p.properties(), path);
            case LexToken t -> { }
            case LexPermission p -> { }
        }
    }

    private void body(Optional<LexBody> body, String path) {
        body.flatMap(LexBody::schema).ifPresent(s -> field(s.asFieldType(), path + "/schema"));
    }

    private void properties(Map<String, LexFieldType> properties, String path) {
        for (var p : properties.entrySet()) {
            field(p.getValue(), DefReader.child(path + "/properties", p.getKey()));
        }
    }

    private void field(LexFieldType type, String path) {
        switch (type) {
            case LexObject o -> properties(o.properties(), path);
            case LexArray a -> field(a.items(), path + "/items");
            case LexRef r -> {
                Optional<LexSchema> target = catalog.find(r.ref());
                if (target.isEmpty()) {
                    unresolved(path + "/ref", r.ref());
                } else if (!(target.get() instanceof LexFieldType || target.get() instanceof LexRecord)) {
                    problem(path + "/ref", "ref " + r.ref() + " points at a " + target.get().type()
                            + ", which has no data representation");
                }
            }
            case LexUnion u -> {
                for (int i = 0; i < u.refs().size(); i++) {
                    SchemaRef ref = u.refs().get(i);
                    Optional<LexSchema> target = catalog.find(ref);
                    if (target.isEmpty()) {
                        unresolved(path + "/refs/" + i, ref);
                    } else if (!(target.get() instanceof LexObject || target.get() instanceof LexRecord)) {
                        problem(path + "/refs/" + i, "union member " + ref + " is a " + target.get().type()
                                + ", not an object or record");
                    }
                }
            }
            default -> { }
        }
    }

    private void unresolved(String path, SchemaRef ref) {
        problem(path, "no definition " + ref + " in the catalog");
    }

    private void problem(String path, String detail) {
        problems.add(new LexiconException(Reason.UNRESOLVED_REF, path, detail).withSource(source));
    }
}
