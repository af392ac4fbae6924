package dev.skein.pds.blob;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Blob bytes on disk: {@code <dir>/<account>/<cid>}, one folder per account (an account's blobs are
 * its own, and are collected with it). A blob is written to {@code <dir>/tmp} first, forced to disk,
 * then moved into place in one atomic rename and the folder forced too, so that a file under its CID is
 * always complete and survives a crash once {@link #write} returns.
 */
public final class BlobFiles {
    /** DIDs longer than this name their folder by their SHA-256 instead (file names have limits). */
    static final int MAX_PLAIN_FOLDER_NAME = 200;
    private static final String TMP = "tmp";

    private final Path root;
    private final Path tmp;

    /** Blob files under {@code root}; leftovers of uploads cut short by a crash are removed. */
    public BlobFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP);
        try {
            Files.createDirectories(tmp);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(tmp)) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob folder " + this.root
                    + " (set skein.pds.blobs.dir to a writable folder)", e);
        }
    }

    public Path root() {
        return root;
    }

    /** Stores a blob durably; storing the same blob again replaces the file with identical bytes. */
    public void write(Did did, Cid cid, byte[] bytes) {
        Path folder = folder(did);
        Path temp = tmp.resolve(UUID.randomUUID() + ".part");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            boolean created = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            Files.move(temp, folder.resolve(cid.toString()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(folder);
            if (created) {
                forceDirectory(root);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp folder is cleared at the next start
            }
            throw new UncheckedIOException("cannot store blob " + cid, e);
        }
    }

    /** The blob's bytes, if stored. */
    public Optional<byte[]> read(Did did, Cid cid) {
        try {
            return Optional.of(Files.readAllBytes(file(did, cid)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + cid, e);
        }
    }

    public boolean exists(Did did, Cid cid) {
        return Files.isRegularFile(file(did, cid));
    }

    /** Deletes a blob's file; a missing file is fine. */
    public void delete(Did did, Cid cid) {
        try {
            Files.deleteIfExists(file(did, cid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + cid, e);
        }
    }

    Path file(Did did, Cid cid) {
        return folder(did).resolve(cid.toString());
    }

    /** The account's folder: its DID with {@code :} as {@code +} (no DID contains {@code +}), or a hash if long. */
    Path folder(Did did) {
        String name = did.value().replace(':', '+');
        if (name.length() > MAX_PLAIN_FOLDER_NAME) {
            name = "sha256+" + HexFormat.of().formatHex(Cid.sha256(did.value().getBytes(StandardCharsets.UTF_8)));
        }
        return root.resolve(name);
    }

    /** Forces a folder's entries to disk, so that a rename into it survives a crash (Linux allows this). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open folders; the rename is then as durable as the platform makes it.
        }
    }
}
