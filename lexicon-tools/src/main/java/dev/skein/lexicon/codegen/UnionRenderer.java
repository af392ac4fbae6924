package dev.skein.lexicon.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sealed interface for one Lexicon union: a record per variant wrapping the variant's generated
 * type, an {@code Unknown} record keeping the data of variants an open union did not list, and
 * {@code fromValue}, which picks the variant by {@code $type}.
 */
final class UnionRenderer {
    private final SourceRenderer file;
    private final CodeWriter w;
    private final UnionModel model;
    private final String name;

    UnionRenderer(SourceRenderer file, CodeWriter w, UnionModel model) {
        this.file = file;
        this.w = w;
        this.model = model;
        this.name = model.self().simpleName();
    }

    void render() {
        List<String> permits = new ArrayList<>();
        model.variants().forEach(v -> permits.add(name + "." + v.name()));
        if (!model.closed()) {
            permits.add(name + ".Unknown");
        }
        List<String> types = model.variants().stream().map(v -> "{@code " + v.typeTag() + "}").toList();
        String doc = SourceRenderer.doc(model.description()).orElse("A union of " + (types.isEmpty() ? "no types"
                : String.join(", ", types)) + ".");
        w.javadoc(doc + "\n\n<p>" + (model.closed() ? "A closed union: no other variants may appear."
                : "An open union: a variant of another type is read as {@link Unknown}."));
        String union = file.ref(SourceRenderer.RUNTIME + "LexiconUnion");
        if (permits.isEmpty()) {
            w.open("public sealed interface " + name + " extends " + union + " {");
        } else {
            w.line("public sealed interface " + name + " extends " + union);
            w.open("        permits " + String.join(", ", permits) + " {");
        }
        fromValue();
        for (UnionModel.Variant v : model.variants()) {
            variant(v);
        }
        if (!model.closed()) {
            unknown();
        }
        w.close("}");
    }

    private void fromValue() {
        String map = file.ref("dev.skein.core.data.MapValue");
        String variants = file.ref(SourceRenderer.RUNTIME + "Variants");
        w.javadoc("Reads the variant that {@code $type} names.\n\n@throws "
                + file.ref(SourceRenderer.RUNTIME + "LexiconDataException")
                + " when the value has no {@code $type}" + (model.closed() ? " or one the union does not list" : "")
                + ", or does not have the shape of its type");
        w.open("static " + name + " fromValue(" + map + " value) {");
        w.line(file.ref("java.lang.String") + " type = " + variants + ".typeOf(value);");
        w.open("return switch (type) {");
        for (UnionModel.Variant v : model.variants()) {
            String arg = v.targetIsRecord() ? "value" : variants + ".withoutType(value)";
            w.line("case " + v.name() + ".TYPE -> new " + v.name() + "(" + file.name(v.target()) + ".fromValue("
                    + arg + "));");
        }
        if (model.closed()) {
            List<String> tags = model.variants().stream().map(v -> v.name() + ".TYPE").toList();
            w.line("default -> throw " + variants + ".notAllowed(type, " + file.ref("java.util.List") + ".of("
                    + String.join(", ", tags) + "));");
        } else {
            w.line("default -> new Unknown(value);");
        }
        w.close("};");
        w.close("}");
    }

    private void variant(UnionModel.Variant v) {
        String map = file.ref("dev.skein.core.data.MapValue");
        String string = file.ref("java.lang.String");
        w.line("");
        w.line("/** The variant {@code " + v.typeTag() + "}. */");
        w.open("record " + v.name() + "(" + file.name(v.target()) + " value) implements " + name + " {");
        w.line("public static final " + string + " TYPE = " + JavaNames.literal(v.typeTag()) + ";");
        w.line("");
        w.open("public " + v.name() + " {");
        w.line(file.ref("java.util.Objects") + ".requireNonNull(value, \"value\");");
        w.close("}");
        w.line("");
        w.line("@Override");
        w.open("public " + string + " type() {");
        w.line("return TYPE;");
        w.close("}");
        w.line("");
        w.line("@Override");
        w.open("public " + map + " toValue() {");
        w.line(v.targetIsRecord() ? "return value.toValue();"
                : "return " + file.ref(SourceRenderer.RUNTIME + "Variants") + ".withType(value.toValue(), TYPE);");
        w.close("}");
        w.close("}");
    }

    private void unknown() {
        String map = file.ref("dev.skein.core.data.MapValue");
        String variants = file.ref(SourceRenderer.RUNTIME + "Variants");
        w.line("");
        w.line("/** A variant of a type the union did not list when this code was generated, kept as data. */");
        w.open("record Unknown(" + map + " value) implements " + name + " {");
        w.open("public Unknown {");
        w.line(variants + ".typeOf(value);");
        w.close("}");
        w.line("");
        w.line("@Override");
        w.open("public " + file.ref("java.lang.String") + " type() {");
        w.line("return " + variants + ".typeOf(value);");
        w.close("}");
        w.line("");
        w.line("@Override");
        w.open("public " + map + " toValue() {");
        w.line("return value;");
        w.close("}");
        w.close("}");
    }
}
