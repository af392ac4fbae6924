package dev.skein.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder this process keeps its state in ({@code skein.data-dir}, {@code ./data} by default):
 * embedded databases, generated keys and blobs, each role in its own sub-folder.
 *
 * @param root the folder, absolute
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** The data directory at {@code dir}, created (with its parents) when it does not exist yet. */
    public static DataDirectory create(Path dir) {
        DataDirectory d = new DataDirectory(dir);
        try {
            Files.createDirectories(d.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + d.root
                    + " (set skein.data-dir to a writable folder)", e);
        }
        return d;
    }
}
