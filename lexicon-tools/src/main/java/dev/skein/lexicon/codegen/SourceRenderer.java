package dev.skein.lexicon.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Java source of one Lexicon's planned types. Type names go through an {@link ImportScope}; the
 * file's own nested types are written by their simple name where that is unambiguous, else qualified from the
 * top-level type.
 */
final class SourceRenderer {
    static final String RUNTIME = "dev.skein.lexicon.runtime.";

    private final String packageName;
    private final String lexicon;
    private final TypeModel top;
    private final Map<String, Integer> declared = new HashMap<>();
    private final ImportScope scope;
    private final java.util.Deque<GenRef> position = new java.util.ArrayDeque<>();

    SourceRenderer(String packageName, String lexicon, TypeModel top, Set<String> packageTypes) {
        this.packageName = packageName;
        this.lexicon = lexicon;
        this.top = top;
        count(top);
        this.scope = new ImportScope(packageName, declared.keySet(), packageTypes);
    }

    private void count(TypeModel type) {
        declared.merge(type.self().simpleName(), 1, Integer::sum);
        if (type instanceof UnionModel u) {
            u.variants().forEach(v -> declared.merge(v.name(), 1, Integer::sum));
        }
        type.nested().forEach(this::count);
    }

    String render() {
        CodeWriter body = new CodeWriter();
        type(body, top, true);
        StringBuilder out = new StringBuilder();
        out.append("// Generated from the Lexicon ").append(lexicon)
                .append(" by dev.skein.lexicon.codegen.JavaGenerator: do not edit, change the schema.\n");
        out.append("package ").append(packageName).append(";\n\n");
        if (!scope.imports().isEmpty()) {
            scope.imports().forEach(i -> out.append("import ").append(i).append(";\n"));
            out.append('\n');
        }
        return out.append(body).toString();
    }

    /** How to write a generated type here. */
    String name(GenRef ref) {
        String topName = top.self().simpleName();
        if (ref.topLevel().equals(top.self().topLevel())) {
            if (ref.path().isEmpty()) {
                return topName;
            }
            List<String> parent = ref.path().subList(0, ref.path().size() - 1);
            List<String> here = position.isEmpty() ? List.of() : position.peek().path();
            boolean inScope = here.size() >= parent.size() && here.subList(0, parent.size()).equals(parent);
            if (inScope && declared.get(ref.simpleName()) == 1) {
                return ref.simpleName();
            }
            return topName + "." + String.join(".", ref.path());
        }
        String owner = scope.ref(ref.topLevel());
        return ref.path().isEmpty() ? owner : owner + "." + String.join(".", ref.path());
    }

    /** How to write a JDK, core or runtime type here. */
    String ref(String qualifiedName) {
        return scope.ref(qualifiedName);
    }

    private void type(CodeWriter w, TypeModel type, boolean topLevel) {
        position.push(type.self());
        switch (type) {
            case ObjectModel o -> new ObjectRenderer(this, w, o, topLevel, lexicon).render();
            case UnionModel u -> new UnionRenderer(this, w, u).render();
            case HolderModel h -> holder(w, h);
        }
        position.pop();
    }

    void nested(CodeWriter w, List<TypeModel> types) {
        for (TypeModel t : types) {
            w.line("");
            type(w, t, false);
        }
    }

    private void holder(CodeWriter w, HolderModel h) {
        String name = h.self().simpleName();
        w.javadoc(h.description().map(Javadoc::escape).orElse("Definitions of the Lexicon {@code " + lexicon
                + "}.") + "\n\n<p>Lexicon: {@code " + lexicon + "}.");
        w.open("public final class " + name + " {");
        idConstants(w);
        constants(w, h.constants());
        w.line("");
        w.line("private " + name + "() {}");
        nested(w, h.nested());
        w.close("}");
    }

    /** {@code NSID} and {@code ID}, on the top-level type. */
    void idConstants(CodeWriter w) {
        w.line("/** The NSID of this Lexicon. */");
        String nsid = ref("dev.skein.core.syntax.Nsid");
        w.line("public static final " + nsid + " NSID = " + nsid + ".parse(" + JavaNames.literal(lexicon) + ");");
        w.line("/** The NSID of this Lexicon, as a string. */");
        w.line("public static final " + ref("java.lang.String") + " ID = " + JavaNames.literal(lexicon) + ";");
    }

    void constants(CodeWriter w, List<ConstantModel> constants) {
        String group = null;
        for (ConstantModel c : constants) {
            if (!c.group().equals(group)) {
                w.line("");
                w.line("// " + c.group() + ".");
                group = c.group();
            }
            c.description().ifPresent(d -> w.javadoc(Javadoc.escape(d)));
            w.line("public static final " + ref("java.lang.String") + " " + c.name() + " = "
                    + JavaNames.literal(c.value()) + ";");
        }
    }

    /** The declared type of a component. */
    String componentType(FieldModel f) {
        if (f.optional()) {
            return ref("java.util.Optional") + "<" + javaType(f.type(), false) + ">";
        }
        return javaType(f.type(), true);
    }

    String javaType(FieldType type, boolean primitiveAllowed) {
        return switch (type) {
            case FieldType.Builtin b -> primitiveAllowed && b.primitive() != null ? b.primitive()
                    : ref(b.qualifiedName());
            case FieldType.ListOf l -> ref("java.util.List") + "<" + javaType(l.items(), false) + ">";
            case FieldType.Generated g -> name(g.ref());
        };
    }

    /** The {@code FieldCodec} expression that reads and writes a value of {@code type}. */
    String codec(FieldType type) {
        String codec = ref(RUNTIME + "FieldCodec");
        return switch (type) {
            case FieldType.Builtin b -> codec + "." + b.codec();
            case FieldType.ListOf l -> codec + ".list(" + codec(l.items()) + ")";
            case FieldType.Generated g -> codec + ".object(" + name(g.ref()) + "::fromValue)";
        };
    }

    static Optional<String> doc(Optional<String> description) {
        return description.map(Javadoc::escape);
    }
}
