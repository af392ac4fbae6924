package dev.skein.lexicon.lint;

import java.util.Objects;

/**
 * One problem the linter found.
 *
 * @param file the file, relative to the lexicon folder ({@code agent.comms/message.json})
 * @param path where in the file, as a JSON pointer ({@code /defs/main/record/properties/text}); {@code ""} for
 *     the whole file
 * @param rule the rule broken, e.g. {@code path}, {@code compat-removed}
 */
public record Finding(Severity severity, String file, String path, String rule, String message) {
    /** How bad a finding is: errors fail the lint, warnings are reported. */
    public enum Severity { ERROR, WARNING }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    static Finding error(String file, String path, String rule, String message) {
        return new Finding(Severity.ERROR, file, path, rule, message);
    }

    static Finding warning(String file, String path, String rule, String message) {
        return new Finding(Severity.WARNING, file, path, rule, message);
    }

    /** {@code error agent.comms/message.json#/defs/main: [rule] message}. */
    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + file + (path.isEmpty() ? "" : "#" + path)
                + ": [" + rule + "] " + message;
    }
}
