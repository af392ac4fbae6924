package dev.skein.lexicon.maven;

import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.lexicon.files.LexiconFilesException;
import dev.skein.lexicon.lint.Finding;
import dev.skein.lexicon.lint.LexiconLinter;
import dev.skein.lexicon.lint.LintConfig;
import dev.skein.lexicon.lint.LintReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints a lexicon folder and fails the build on errors: schema validity, file paths, references, the project's
 * conventions, and, when {@code against} names a previous version (a git revision such as {@code HEAD~1} or
 * {@code origin/main}, or a folder), backward compatibility with it.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class LintMojo extends AbstractMojo {

    @Parameter(property = "lexicon.directory", required = true)
    private File lexiconDirectory;

    /** The previous version: a git revision of the lexicon folder, or another folder. Empty: not checked. */
    @Parameter(property = "lexicon.against")
    private String against;

    /**
     * When the previous version can not be read (no git, a shallow clone without the revision), fail; when
     * false, warn and lint without the compatibility check.
     */
    @Parameter(property = "lexicon.againstRequired", defaultValue = "false")
    private boolean againstRequired;

    /** NSID prefixes that follow the project's conventions. */
    @Parameter
    private List<String> conventionPrefixes = LintConfig.DEFAULT.conventionPrefixes();

    @Parameter(property = "lexicon.lint.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Lexicon lint skipped");
            return;
        }
        Path folder = lexiconDirectory.toPath().toAbsolutePath().normalize();
        LexiconFiles current;
        try {
            current = LexiconFiles.fromFolder(folder);
        } catch (LexiconFilesException e) {
            throw new MojoExecutionException("Lexicon lint: " + e.getMessage(), e);
        }
        Optional<LexiconFiles> previous = previous(folder);
        LintReport report = new LexiconLinter(new LintConfig(conventionPrefixes)).lint(current, previous);
        for (Finding f : report.findings()) {
            if (f.severity() == Finding.Severity.ERROR) {
                getLog().error(f.toString());
            } else {
                getLog().warn(f.toString());
            }
        }
        String summary = "Lexicon lint: " + report.errors().size() + " error(s), " + report.warnings().size()
                + " warning(s) in " + folder + previous.map(p -> " against " + against).orElse("");
        if (report.hasErrors()) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }

    private Optional<LexiconFiles> previous(Path folder) throws MojoExecutionException {
        if (against == null || against.isBlank()) {
            return Optional.empty();
        }
        try {
            Path dir = Path.of(against);
            return Optional.of(Files.isDirectory(dir) ? LexiconFiles.fromFolder(dir)
                    : LexiconFiles.fromGit(folder, against));
        } catch (LexiconFilesException e) {
            if (againstRequired) {
                throw new MojoExecutionException("Lexicon lint: " + e.getMessage(), e);
            }
            getLog().warn("Lexicon lint: compatibility not checked, the previous version can not be read: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
