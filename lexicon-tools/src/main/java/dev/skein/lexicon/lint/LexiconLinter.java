package dev.skein.lexicon.lint;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.LexiconException;
import dev.skein.core.lexicon.LexiconParser;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.files.LexiconFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a lexicon folder. For every schema file: it parses as a Lexicon ({@code parse}), sits at
 * {@code <namespace>/<name>.json} for its NSID ({@code path}), has an NSID no other file has
 * ({@code duplicate-id}) and its references resolve ({@code ref}). For the Lexicons under the configured
 * convention prefixes: names, {@code createdAt}, limits and examples ({@link ConventionCheck},
 * {@link ExampleCheck}). Against a previous version of the folder: backward compatibility
 * ({@link CompatibilityCheck}).
 */
public final class LexiconLinter {
    private final LintConfig config;

    public LexiconLinter(LintConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Lints {@code current} on its own. */
    public LintReport lint(LexiconFiles current) {
        return lint(current, Optional.empty());
    }

    /** Lints {@code current}, and, if {@code previous} is given, its compatibility with that version. */
    public LintReport lint(LexiconFiles current, Optional<LexiconFiles> previous) {
        List<Finding> findings = new ArrayList<>();
        Parsed now = parse(current, findings, true);
        LexiconCatalog catalog = LexiconCatalog.of(now.documents().values());
        for (LexiconException e : catalog.refProblems()) {
            String file = e.source().map(id -> now.files().get(Nsid.parse(id))).orElse("");
            findings.add(Finding.error(file, e.path(), "ref", e.detail()));
        }
        ConventionCheck conventions = new ConventionCheck(findings);
        ExampleCheck examples = new ExampleCheck(current, catalog, findings);
        for (LexiconDocument doc : now.documents().values()) {
            if (config.followsConventions(doc.id())) {
                String file = now.files().get(doc.id());
                conventions.check(doc, file);
                examples.check(doc, file);
            }
        }
        previous.ifPresent(before -> {
            Parsed then = parse(before, new ArrayList<>(), false);
            for (LexiconDocument old : then.documents().values()) {
                LexiconDocument neu = now.documents().get(old.id());
                if (neu == null) {
                    if (!now.failed().contains(old.id().toString())) {
                        findings.add(Finding.error(then.files().get(old.id()), "", "compat-removed",
                                "the Lexicon " + old.id() + " was removed; published Lexicons stay"));
                    }
                } else {
                    new CompatibilityCheck(now.files().get(old.id()), findings).check(old, neu);
                }
            }
        });
        return new LintReport(findings);
    }

    /** The documents that parsed, by NSID, with their files; and the files (and ids) that did not. */
    private record Parsed(Map<Nsid, LexiconDocument> documents, Map<Nsid, String> files, List<String> failed) {}

    private static Parsed parse(LexiconFiles files, List<Finding> findings, boolean checkPaths) {
        Map<Nsid, LexiconDocument> docs = new LinkedHashMap<>();
        Map<Nsid, String> paths = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.schemaFiles().entrySet()) {
            String file = e.getKey();
            LexiconDocument doc;
            try {
                doc = LexiconParser.parse(e.getValue());
            } catch (LexiconException ex) {
                findings.add(Finding.error(file, ex.path(), "parse", ex.detail()));
                failed.add(file);
                failed.add(expectedId(file));
                continue;
            }
            String previous = paths.putIfAbsent(doc.id(), file);
            if (previous != null) {
                findings.add(Finding.error(file, "/id", "duplicate-id", doc.id() + " is also declared by " + previous));
                continue;
            }
            docs.put(doc.id(), doc);
            if (checkPaths && !file.equals(expectedPath(doc.id()))) {
                findings.add(Finding.error(file, "/id", "path",
                        "the Lexicon " + doc.id() + " belongs at " + expectedPath(doc.id())));
            }
        }
        return new Parsed(docs, paths, failed);
    }

    /** Where the schema of {@code id} belongs: {@code agent.comms.message} at {@code agent.comms/message.json}. */
    public static String expectedPath(Nsid id) {
        String s = id.toString();
        int dot = s.lastIndexOf('.');
        return s.substring(0, dot) + "/" + s.substring(dot + 1) + ".json";
    }

    /** The NSID a file's path says it holds ({@code agent.comms/message.json}: {@code agent.comms.message}). */
    private static String expectedId(String file) {
        String s = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        return s.replace('/', '.');
    }
}
