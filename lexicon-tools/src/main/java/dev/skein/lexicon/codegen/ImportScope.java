package dev.skein.lexicon.codegen;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The type names of one generated source file: a type is written by its simple name, with an import when it
 * needs one, unless that name is already taken in the file (by a type the file declares, by another top-level
 * type of the same package, or by another type written earlier), in which case it is written fully qualified.
 * Qualifying instead of guessing keeps the generated code compiling whatever the schemas' names are.
 */
final class ImportScope {
    private final String packageName;
    private final Set<String> declared;
    private final Set<String> packageTypes;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    /**
     * @param declared the simple names of every type the file declares, at any depth
     * @param packageTypes the simple names of the other generated top-level types of the package
     */
    ImportScope(String packageName, Set<String> declared, Set<String> packageTypes) {
        this.packageName = packageName;
        this.declared = declared;
        this.packageTypes = packageTypes;
    }

    /** How to write the type {@code qualifiedName} (a top-level type) in this file. */
    String ref(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String simple = qualifiedName.substring(dot + 1);
        String pkg = qualifiedName.substring(0, dot);
        String owner = bySimpleName.get(simple);
        if (owner != null) {
            return owner.equals(qualifiedName) ? simple : qualifiedName;
        }
        boolean samePackage = pkg.equals(packageName);
        if (declared.contains(simple) || (!samePackage && packageTypes.contains(simple))) {
            return qualifiedName;
        }
        bySimpleName.put(simple, qualifiedName);
        if (!samePackage && !pkg.equals("java.lang")) {
            imports.add(qualifiedName);
        }
        return simple;
    }

    /** The import declarations needed, sorted. */
    Set<String> imports() {
        return imports;
    }
}
