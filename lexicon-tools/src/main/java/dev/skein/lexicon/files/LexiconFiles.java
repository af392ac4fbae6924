package dev.skein.lexicon.files;

import dev.skein.core.lexicon.LexiconCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code *.json} files of a lexicon folder, by path relative to the folder with {@code /} separators
 * ({@code agent.comms/message.json}), in path order. Files under a folder named {@code examples} are example
 * records, the others schema files.
 *
 * @param origin the folder, or {@code <revision>:<folder>}, for messages
 */
public record LexiconFiles(String origin, Map<String, byte[]> files) {
    /** The name of the folders that hold example records rather than schemas. */
    public static final String EXAMPLES = "examples";

    public LexiconFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Every {@code *.json} file under {@code folder}. */
    public static LexiconFiles fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new LexiconFilesException(folder.toString(), "not a folder");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).toList()) {
                files.put(relative(folder, p), Files.readAllBytes(p));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LexiconFilesException(folder.toString(), "can not read: " + e.getMessage(), e);
        }
        return new LexiconFiles(folder.toString(), files);
    }

    /** The {@code *.json} files under {@code folder} as they were at git revision {@code revision}. */
    public static LexiconFiles fromGit(Path folder, String revision) {
        return GitRevision.read(folder, revision);
    }

    /** The schema files, by relative path. */
    public SortedMap<String, byte[]> schemaFiles() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (!isExample(path)) {
                out.put(path, bytes);
            }
        });
        return out;
    }

    /** The example files, by relative path. */
    public SortedMap<String, byte[]> exampleFiles() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (isExample(path)) {
                out.put(path, bytes);
            }
        });
        return out;
    }

    /**
     * A catalog of every schema file.
     *
     * @throws dev.skein.core.lexicon.LexiconException for the first file that does not parse, or a duplicate NSID
     */
    public LexiconCatalog catalog() {
        LexiconCatalog.Builder b = LexiconCatalog.builder();
        for (Map.Entry<String, byte[]> e : schemaFiles().entrySet()) {
            b.addJson(e.getValue(), e.getKey());
        }
        return b.build();
    }

    /** Whether a relative path is inside an {@code examples} folder. */
    public static boolean isExample(String path) {
        return List.of(path.split("/")).contains(EXAMPLES);
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
