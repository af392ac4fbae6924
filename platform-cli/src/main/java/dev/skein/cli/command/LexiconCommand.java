package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.lexicon.files.LexiconFilesException;
import dev.skein.lexicon.lint.LexiconLinter;
import dev.skein.lexicon.lint.LintConfig;
import dev.skein.lexicon.lint.LintReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skein lexicon lint}: lexicon-tools' linter on a folder, as the build runs it on {@code lexicons/}. */
@Command(name = "lexicon", description = "Checks lexicon folders.", subcommands = LexiconCommand.Lint.class)
public final class LexiconCommand {

    @Command(name = "lint", description = "Checks a lexicon folder: schema validity, file paths, references, the"
            + " project's naming conventions, examples, and backward compatibility with a previous version"
            + " (no removed fields, no new required fields, no narrowed constraints). Exits 1 on errors.")
    public static final class Lint implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "DIR", description = "The lexicon folder.")
        Path folder;

        @Option(names = {"--previous", "--against"}, paramLabel = "DIR|REV",
                description = "The previous version to stay compatible with: a folder, or a git revision of DIR.")
        String previous;

        @Option(names = "--conventions", paramLabel = "PREFIX", split = ",",
                description = "NSID prefixes that follow the project's conventions (default: agent.).")
        List<String> conventions = LintConfig.DEFAULT.conventionPrefixes();

        public Lint(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            LintReport report;
            try {
                report = new LexiconLinter(new LintConfig(conventions)).lint(LexiconFiles.fromFolder(folder),
                        Optional.ofNullable(previous).map(this::previousFiles));
            } catch (LexiconFilesException e) {
                context.err().println("error: " + e.getMessage());
                return 1;
            }
            report.findings().forEach(context.out()::println);
            context.out().println("lexicon lint: " + report.errors().size() + " error(s), " + report.warnings().size()
                    + " warning(s) in " + folder + (previous == null ? "" : " against " + previous));
            return report.hasErrors() ? 1 : 0;
        }

        private LexiconFiles previousFiles(String version) {
            Path dir = Path.of(version);
            return Files.isDirectory(dir) ? LexiconFiles.fromFolder(dir) : LexiconFiles.fromGit(folder, version);
        }
    }
}
