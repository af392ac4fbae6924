package dev.skein.lexicon.lint;

import dev.skein.core.syntax.Nsid;
import java.util.List;

/**
 * What the linter checks beyond the schema language: the NSID prefixes whose Lexicons follow the project's
 * conventions (names, {@code createdAt}, limits, examples). Published schemas kept in the same folder (e.g.
 * {@code com.atproto.*}) are outside them and are only checked for validity, paths, references and
 * compatibility.
 */
public record LintConfig(List<String> conventionPrefixes) {
    /** The project's own namespaces. */
    public static final LintConfig DEFAULT = new LintConfig(List.of("agent."));

    public LintConfig {
        conventionPrefixes = List.copyOf(conventionPrefixes);
    }

    boolean followsConventions(Nsid id) {
        String s = id.toString();
        return conventionPrefixes.stream().anyMatch(s::startsWith);
    }
}
