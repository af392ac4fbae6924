package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.lexicon.lint.NsidLiterals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services name Lexicons with the generated constants of {@code dev.skein.lexicon.nsid}, never with string
 * literals: a new literal in the main code of a service module fails here, naming the file and line.
 * Tests may keep literals (they check the wire names).
 */
class NoNsidLiteralsTest {
    private static final List<String> SERVICES = List.of("platform-pds", "platform-relay", "platform-plc",
            "platform-cli", "xrpc-server");

    @Test
    void serviceMainCodeHasNoNsidLiterals() {
        Path project = Path.of(System.getProperty("skein.project.dir", ".."));
        NsidLiterals lint = new NsidLiterals(LexiconCatalog.fromFolder(project.resolve("lexicons")));
        List<NsidLiterals.Hit> hits = new ArrayList<>();
        for (String module : SERVICES) {
            Path main = project.resolve(module).resolve("src/main/java");
            assertThat(main).as("the sources of " + module).isDirectory();
            hits.addAll(lint.scan(main));
        }
        assertThat(hits).as("NSID literals in services' main code").isEmpty();
    }

    @Test
    void theLintSeesALiteralWhereThereIsOne() throws Exception {
        Path project = Path.of(System.getProperty("skein.project.dir", ".."));
        NsidLiterals lint = new NsidLiterals(LexiconCatalog.fromFolder(project.resolve("lexicons")));
        Path file = Files.createTempFile("Literal", ".java");
        Files.writeString(file, "class Literal { String m = \"com.atproto.repo.createRecord\"; }");
        try {
            assertThat(lint.scan(file)).hasSize(1);
        } finally {
            Files.delete(file);
        }
    }
}
