package dev.skein.lexicon.lint;

import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.lexicon.files.LexiconFilesException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lexicon-lint [--against REV|DIR] [--conventions PREFIX]... DIR}: lints a lexicon folder, prints one
 * line per finding and exits with 1 when there are errors (2 when the folder or revision can not be read).
 */
@Command(name = "lexicon-lint", mixinStandardHelpOptions = true,
        description = "Checks a lexicon folder: schema validity, file paths, references, the project's conventions,"
                + " and backward compatibility with a previous version.")
public final class LintCommand implements Callable<Integer> {
    /** Exit code when the folder or the previous version can not be read. */
    public static final int UNREADABLE = 2;

    @Parameters(index = "0", paramLabel = "DIR", description = "The lexicon folder.")
    private Path folder;

    @Option(names = "--against", paramLabel = "REV|DIR",
            description = "The previous version to check compatibility with: a git revision of DIR, or a folder.")
    private String against;

    @Option(names = "--conventions", paramLabel = "PREFIX", split = ",",
            description = "NSID prefixes that follow the project's conventions (default: agent.).")
    private List<String> conventions = LintConfig.DEFAULT.conventionPrefixes();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LintCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LintReport report;
        try {
            report = new LexiconLinter(new LintConfig(conventions)).lint(LexiconFiles.fromFolder(folder),
                    Optional.ofNullable(against).map(this::previous));
        } catch (LexiconFilesException e) {
            err.println("lexicon-lint: " + e.getMessage());
            return UNREADABLE;
        }
        report.findings().forEach(out::println);
        out.println("lexicon-lint: " + report.errors().size() + " error(s), " + report.warnings().size()
                + " warning(s) in " + folder + (against == null ? "" : " against " + against));
        return report.hasErrors() ? 1 : 0;
    }

    private LexiconFiles previous(String version) {
        Path dir = Path.of(version);
        return Files.isDirectory(dir) ? LexiconFiles.fromFolder(dir) : LexiconFiles.fromGit(folder, version);
    }
}
