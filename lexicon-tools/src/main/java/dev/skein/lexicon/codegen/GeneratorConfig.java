package dev.skein.lexicon.codegen;

import dev.skein.core.syntax.Nsid;
import java.util.List;
import java.util.Objects;

/**
 * What to generate: the Lexicons whose NSID starts with one of {@code prefixes} (a whole NSID such as
 * {@code com.atproto.repo.strongRef}, or a namespace prefix such as {@code agent.}), as types in packages under
 * {@code basePackage}; and, with {@code nsidConstants}, NSID constants for every Lexicon of the folder (see
 * {@link #nsidPackage()}), whatever the prefixes.
 */
public record GeneratorConfig(String basePackage, List<String> prefixes, boolean nsidConstants) {
    /** The base package of the project's generated types. */
    public static final String DEFAULT_BASE_PACKAGE = "dev.skein.lexicon";

    /** Types only, no NSID constants. */
    public GeneratorConfig(String basePackage, List<String> prefixes) {
        this(basePackage, prefixes, false);
    }

    public GeneratorConfig {
        Objects.requireNonNull(basePackage, "basePackage");
        prefixes = List.copyOf(prefixes);
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("no NSID prefixes to generate");
        }
    }

    public static GeneratorConfig of(String... prefixes) {
        return new GeneratorConfig(DEFAULT_BASE_PACKAGE, List.of(prefixes));
    }

    /** This configuration, with NSID constants. */
    public GeneratorConfig withNsidConstants() {
        return new GeneratorConfig(basePackage, prefixes, true);
    }

    /** The package of the NSID constants: {@code <basePackage>.nsid}. */
    public String nsidPackage() {
        return basePackage + ".nsid";
    }

    /** Whether the Lexicon {@code id} is one to generate. */
    public boolean includes(Nsid id) {
        String s = id.toString();
        return prefixes.stream().anyMatch(s::startsWith);
    }
}
