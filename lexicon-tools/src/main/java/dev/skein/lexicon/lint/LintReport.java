package dev.skein.lexicon.lint;

import java.util.Comparator;
import java.util.List;

/** What the linter found, sorted by file and path. */
public record LintReport(List<Finding> findings) {
    public LintReport {
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::file).thenComparing(Finding::path).thenComparing(Finding::rule))
                .toList();
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** The findings with the given rule. */
    public List<Finding> withRule(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
