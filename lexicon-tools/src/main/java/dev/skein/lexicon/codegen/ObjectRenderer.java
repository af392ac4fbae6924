package dev.skein.lexicon.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the record for one Lexicon object: its components, constants, constructors, {@code fromValue},
 * {@code toValue}, {@code withX} methods for its optional fields, and the types nested in it.
 */
final class ObjectRenderer {
    private static final String OTHER_FIELDS = "otherFields";

    private final SourceRenderer file;
    private final CodeWriter w;
    private final ObjectModel model;
    private final boolean topLevel;
    private final String lexicon;
    private final String name;

    ObjectRenderer(SourceRenderer file, CodeWriter w, ObjectModel model, boolean topLevel, String lexicon) {
        this.file = file;
        this.w = w;
        this.model = model;
        this.topLevel = topLevel;
        this.lexicon = lexicon;
        this.name = model.self().simpleName();
    }

    void render() {
        w.javadoc(javadoc());
        String iface = file.ref(SourceRenderer.RUNTIME + (model.record() ? "LexiconRecord" : "LexiconObject"));
        List<String> components = new ArrayList<>();
        for (FieldModel f : model.fields()) {
            components.add(file.componentType(f) + " " + f.javaName());
        }
        components.add(mapValue() + " " + OTHER_FIELDS);
        w.line("public record " + name + "(");
        for (int i = 0; i < components.size(); i++) {
            boolean last = i == components.size() - 1;
            w.line("        " + components.get(i) + (last ? ") implements " + iface + " {" : ","));
        }
        w.open("");
        constants();
        compactConstructor();
        convenienceConstructors();
        fromValue();
        toValue();
        if (model.record()) {
            w.line("");
            w.line("@Override");
            w.open("public " + file.ref("dev.skein.core.syntax.Nsid") + " collection() {");
            w.line("return NSID;");
            w.close("}");
        }
        withers();
        file.nested(w, model.nested());
        w.close("}");
    }

    private String javadoc() {
        StringBuilder doc = new StringBuilder();
        doc.append(SourceRenderer.doc(model.description()).orElse(model.typeTag().isPresent()
                ? "The {@code " + model.typeTag().get() + "} " + (model.record() ? "record." : "object.")
                : "An object written inline in {@code " + lexicon + "}."));
        doc.append("\n\n<p>").append(model.typeTag().map(t -> "Lexicon: {@code " + t + "}.")
                .orElse("An inline object of {@code " + lexicon + "}."));
        doc.append("\n");
        for (FieldModel f : model.fields()) {
            String d = SourceRenderer.doc(f.description()).orElse(f.required() ? "required" : "optional");
            doc.append("\n@param ").append(f.javaName()).append(' ').append(d);
        }
        doc.append("\n@param otherFields the fields the schema does not declare, kept as they were read");
        return doc.toString();
    }

    private void constants() {
        if (topLevel) {
            file.idConstants(w);
        }
        model.typeTag().ifPresent(tag -> {
            w.line("/** The {@code $type} of this definition. */");
            w.line("public static final " + file.ref("java.lang.String") + " TYPE = "
                    + (topLevel ? "ID" : JavaNames.literal(tag)) + ";");
        });
        file.constants(w, model.constants());
    }

    private void compactConstructor() {
        w.line("");
        w.open("public " + name + " {");
        String objects = file.ref("java.util.Objects");
        for (FieldModel f : model.fields()) {
            String n = f.javaName();
            boolean list = f.type() instanceof FieldType.ListOf;
            if (f.optional()) {
                w.line(n + " = " + objects + ".requireNonNull(" + n + ", " + JavaNames.literal(n) + ")"
                        + (list ? ".map(" + file.ref("java.util.List") + "::copyOf)" : "") + ";");
            } else if (list) {
                w.line(n + " = " + file.ref("java.util.List") + ".copyOf(" + n + ");");
            } else if (!(f.type() instanceof FieldType.Builtin b && b.primitive() != null)) {
                w.line(objects + ".requireNonNull(" + n + ", " + JavaNames.literal(n) + ");");
            }
        }
        StringBuilder check = new StringBuilder(OTHER_FIELDS + " = " + file.ref(SourceRenderer.RUNTIME + "OtherFields")
                + (model.record() ? ".checkRecord(" : ".check(") + OTHER_FIELDS);
        for (FieldModel f : model.fields()) {
            check.append(", ").append(JavaNames.literal(f.jsonName()));
        }
        w.line(check.append(");").toString());
        w.close("}");
    }

    private void convenienceConstructors() {
        List<String> all = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (FieldModel f : model.fields()) {
            all.add(f.javaName());
            params.add(file.componentType(f) + " " + f.javaName());
        }
        w.line("");
        w.line("/** With no fields other than the declared ones. */");
        w.open("public " + name + "(" + String.join(", ", params) + ") {");
        all.add(empty());
        w.line("this(" + String.join(", ", all) + ");");
        w.close("}");

        List<FieldModel> required = model.fields().stream().filter(FieldModel::required).toList();
        if (required.size() == model.fields().size()) {
            return;
        }
        List<String> requiredParams = required.stream().map(f -> file.componentType(f) + " " + f.javaName())
                .toList();
        List<String> args = new ArrayList<>();
        for (FieldModel f : model.fields()) {
            args.add(f.required() ? f.javaName() : file.ref("java.util.Optional") + ".empty()");
        }
        args.add(empty());
        w.line("");
        w.line("/** With the required fields only. */");
        w.open("public " + name + "(" + String.join(", ", requiredParams) + ") {");
        w.line("this(" + String.join(", ", args) + ");");
        w.close("}");
    }

    private void fromValue() {
        String reader = file.ref(SourceRenderer.RUNTIME + "ObjectReader");
        w.line("");
        w.javadoc("Reads one from its data-model form, keeping the fields the schema does not declare.\n\n"
                + "@throws " + file.ref(SourceRenderer.RUNTIME + "LexiconDataException")
                + " when the value does not have the shape the schema gives it");
        w.open("public static " + name + " fromValue(" + mapValue() + " value) {");
        w.line(reader + " in = " + reader + (model.record() ? ".ofRecord(value, TYPE);" : ".of(value);"));
        w.line("return new " + name + "(");
        for (FieldModel f : model.fields()) {
            String method = f.required() ? (f.nullable() ? "requiredNullable" : "required")
                    : (f.nullable() ? "optionalNullable" : "optional");
            w.line("        in." + method + "(" + JavaNames.literal(f.jsonName()) + ", " + file.codec(f.type())
                    + "),");
        }
        w.line("        in.others());");
        w.close("}");
    }

    private void toValue() {
        w.line("");
        w.line("@Override");
        w.open("public " + mapValue() + " toValue() {");
        w.line("return " + file.ref(SourceRenderer.RUNTIME + "ObjectWriter") + ".with(" + OTHER_FIELDS + ")");
        if (model.record()) {
            w.line("        .type(TYPE)");
        }
        for (FieldModel f : model.fields()) {
            String method = f.required() ? (f.nullable() ? "requiredNullable" : "required") : "optional";
            w.line("        ." + method + "(" + JavaNames.literal(f.jsonName()) + ", " + f.javaName() + ", "
                    + file.codec(f.type()) + ")");
        }
        w.line("        .build();");
        w.close("}");
    }

    private void withers() {
        Set<String> components = new HashSet<>();
        model.fields().forEach(f -> components.add(f.javaName()));
        for (FieldModel f : model.fields()) {
            if (f.required()) {
                continue;
            }
            String method = "with" + JavaNames.capitalize(f.javaName());
            if (components.contains(method)) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (FieldModel g : model.fields()) {
                args.add(g == f ? file.ref("java.util.Optional") + ".of(" + g.javaName() + ")" : g.javaName());
            }
            args.add(OTHER_FIELDS);
            w.line("");
            w.line("/** This value with {@code " + f.jsonName() + "} set. */");
            w.open("public " + name + " " + method + "(" + file.javaType(f.type(), false) + " " + f.javaName()
                    + ") {");
            w.line("return new " + name + "(" + String.join(", ", args) + ");");
            w.close("}");
        }
    }

    private String mapValue() {
        return file.ref("dev.skein.core.data.MapValue");
    }

    private String empty() {
        return mapValue() + ".EMPTY";
    }
}
