package dev.skein.lexicon.codegen;

import java.nio.file.Path;
import java.util.Objects;

/** One generated Java source file: its package, its type's simple name (or {@code package-info}) and its text. */
public record GeneratedSource(String packageName, String typeName, String content) {
    public GeneratedSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(content, "content");
    }

    /** The path of the file under a source root, e.g. {@code dev/skein/lexicon/agent/comms/Message.java}. */
    public Path relativePath() {
        return Path.of(packageName.replace('.', '/'), typeName + ".java");
    }

    /** The fully qualified name of the type. */
    public String qualifiedName() {
        return packageName + "." + typeName;
    }
}
