package dev.skein.lexicon.maven;

import dev.skein.core.lexicon.LexiconException;
import dev.skein.lexicon.codegen.GeneratorConfig;
import dev.skein.lexicon.codegen.GeneratorException;
import dev.skein.lexicon.codegen.JavaGenerator;
import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.lexicon.files.LexiconFilesException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java types from the Lexicons of a folder whose NSIDs start with one of the configured prefixes, and
 * adds the output folder to the compile source roots. Generated sources live under {@code target/} only.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The lexicon folder: one sub-folder per NSID namespace, one file per Lexicon. */
    @Parameter(property = "lexicon.directory", required = true)
    private File lexiconDirectory;

    /** NSID prefixes to generate, e.g. {@code agent.} and {@code com.atproto.repo.strongRef}. */
    @Parameter(required = true)
    private List<String> prefixes;

    /**
     * Whether to generate NSID constants for every Lexicon of the folder (not only the prefixes), in
     * {@code <basePackage>.nsid}: what services name methods and collections with.
     */
    @Parameter(defaultValue = "false")
    private boolean nsidConstants;

    /** The package the generated packages go under. */
    @Parameter(defaultValue = GeneratorConfig.DEFAULT_BASE_PACKAGE)
    private String basePackage;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/lexicons", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        Path output = outputDirectory.toPath();
        try {
            LexiconFiles files = LexiconFiles.fromFolder(lexiconDirectory.toPath());
            List<Path> written = JavaGenerator.of(files, new GeneratorConfig(basePackage, prefixes, nsidConstants))
                    .writeTo(output);
            getLog().info("Lexicon types: " + written.size() + " files for " + prefixes + " in " + output);
        } catch (LexiconException | GeneratorException | LexiconFilesException e) {
            throw new MojoExecutionException("Lexicon code generation failed: " + e.getMessage(), e);
        }
        project.addCompileSourceRoot(output.toString());
    }
}
