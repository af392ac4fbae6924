package dev.skein.lexicon.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Reads a folder as it was at a git revision, with the {@code git} command ({@code ls-tree}, {@code show}). */
final class GitRevision {
    /** Longest a git command may take before the read fails. */
    static final long TIMEOUT_SECONDS = 60;

    private GitRevision() {}

    static LexiconFiles read(Path folder, String revision) {
        String origin = revision + ":" + folder;
        Path dir = folder.toAbsolutePath().normalize();
        Path top = Path.of(text(run(dir, origin, "rev-parse", "--show-toplevel")).strip());
        String commit = text(run(dir, origin, "rev-parse", "--verify", "--quiet", revision + "^{commit}")).strip();
        String prefix = top.toAbsolutePath().normalize().relativize(dir).toString().replace('\\', '/');
        SortedMap<String, byte[]> files = new TreeMap<>();
        String listing = text(run(top, origin, "ls-tree", "-r", "-z", "--name-only", commit, "--",
                prefix.isEmpty() ? "." : prefix));
        for (String path : listing.split("\0")) {
            if (path.endsWith(".json")) {
                String rel = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
                files.put(rel, run(top, origin, "show", commit + ":" + path));
            }
        }
        return new LexiconFiles(origin, files);
    }

    private static byte[] run(Path dir, String origin, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            String err = new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LexiconFilesException(origin, "git " + args[0] + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new LexiconFilesException(origin, "git " + String.join(" ", args) + " failed"
                        + (err.isEmpty() ? "" : ": " + err));
            }
            return out;
        } catch (IOException e) {
            throw new LexiconFilesException(origin, "can not run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LexiconFilesException(origin, "interrupted while running git", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
