package dev.skein.core.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The did:plc audit-log vectors under {@code src/test/resources/plc/} (see the README there for their source). */
final class PlcVectors {
    private PlcVectors() {}

    static Path dir(String name) {
        try {
            return Path.of(PlcVectors.class.getResource("/plc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> names(String dir) {
        try (Stream<Path> files = Files.list(dir(dir))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            if (names.size() < 10) {
                throw new IllegalStateException("expected the 10 vector files in plc/" + dir + ", found " + names);
            }
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PlcLogEntry> read(String dir, String name) {
        try {
            return PlcLogEntry.parseAuditLog(Files.readAllBytes(dir(dir).resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
