package dev.skein.lexicon.codegen;

import dev.skein.core.syntax.Nsid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How Lexicon names become Java names: NSID namespaces become packages under a base package, NSID names and
 * definition names become UpperCamelCase types, properties keep their name as record components (with a
 * trailing {@code _} where Java reserves it), and values become UPPER_SNAKE_CASE constants.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield");

    /**
     * Component names a record may not have (they would override {@link Object}'s methods) or that would clash
     * with the members every generated type has.
     */
    private static final Set<String> RESERVED_MEMBERS = Set.of("clone", "finalize", "getClass", "hashCode",
            "notify", "notifyAll", "toString", "wait", "equals", "toValue", "toDrisl", "toJson", "fromValue",
            "collection", "otherFields");

    /** Type names Java restricts, besides the keywords. */
    private static final Set<String> RESTRICTED_TYPES = Set.of("Var", "Yield", "Record", "Sealed", "Permits");

    private JavaNames() {}

    /** The package of an NSID's namespace: {@code agent.comms.message} goes to {@code <base>.agent.comms}. */
    static String packageOf(String basePackage, Nsid nsid) {
        String id = nsid.toString();
        List<String> segments = new ArrayList<>();
        for (String s : id.substring(0, id.lastIndexOf('.')).split("\\.")) {
            String seg = s.toLowerCase(Locale.ROOT).replace('-', '_');
            if (!Character.isJavaIdentifierStart(seg.charAt(0))) {
                seg = "_" + seg;
            }
            segments.add(KEYWORDS.contains(seg) ? seg + "_" : seg);
        }
        return basePackage + "." + String.join(".", segments);
    }

    /** A type name: {@code strongRef} becomes {@code StrongRef}, {@code foo-bar} becomes {@code FooBar}. */
    static String typeName(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isJavaIdentifierPart(c) || c == '$') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'T');
        }
        String s = sb.toString();
        return RESTRICTED_TYPES.contains(s) ? s + "Def" : s;
    }

    /** A record component (and accessor) name for a property. */
    static String memberName(String property) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            sb.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.toString();
        return KEYWORDS.contains(s) || RESERVED_MEMBERS.contains(s) ? s + "_" : s;
    }

    /** A constant name: {@code input-required} becomes {@code INPUT_REQUIRED}, {@code textPart} {@code TEXT_PART}. */
    static String constantName(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                boolean boundary = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(value.charAt(i - 1));
                if (boundary) {
                    sb.append('_');
                }
                sb.append(Character.toUpperCase(c));
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.isEmpty()) {
            return "VALUE";
        }
        return Character.isDigit(sb.charAt(0)) ? "_" + sb : sb.toString();
    }

    /** {@code base}, or {@code base2}, {@code base3}, ... : the first that is not in {@code taken}; taken then. */
    static String unique(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + i;
        }
        taken.add(name);
        return name;
    }

    /** The UpperCamelCase form of a member name, for {@code withX} methods. */
    static String capitalize(String member) {
        String s = member.endsWith("_") ? member.substring(0, member.length() - 1) : member;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A Java string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
