package dev.skein.lexicon.codegen;

import java.util.List;

/**
 * A generated type: the fully qualified name of its top-level type and the path of nested type names inside it
 * (empty for the top-level type itself), e.g. {@code dev.skein.lexicon.agent.comms.Defs} and {@code [TextPart]}.
 */
record GenRef(String topLevel, List<String> path) {
    GenRef {
        path = List.copyOf(path);
    }

    static GenRef top(String topLevel) {
        return new GenRef(topLevel, List.of());
    }

    GenRef nested(String name) {
        List<String> p = new java.util.ArrayList<>(path);
        p.add(name);
        return new GenRef(topLevel, p);
    }

    String simpleName() {
        return path.isEmpty() ? topLevel.substring(topLevel.lastIndexOf('.') + 1) : path.getLast();
    }
}
