package dev.skein.lexicon.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which string literals of a Java source name a Lexicon, and which NSID-shaped or commented ones do not. */
class NsidLiteralsTest {
    private static final NsidLiterals LINT = new NsidLiterals(LexiconCatalog.of(List.of(
            LexiconParser.parse("""
                    {"lexicon": 1, "id": "com.example.server.createThing", "defs": {"main": {"type": "procedure"}}}
                    """.getBytes(StandardCharsets.UTF_8)),
            LexiconParser.parse("""
                    {"lexicon": 1, "id": "com.example.admin.defs", "defs": {"ref": {"type": "token"}}}
                    """.getBytes(StandardCharsets.UTF_8)))));

    @Test
    void literalsThatNameALexiconOrSitInItsNamespaceAreFound() {
        String source = """
                class A {
                    // "com.example.server.createThing" in a comment is fine
                    /* and "com.example.server.createThing" here too,
                       over lines */
                    static final String A = "com.example.server.createThing";
                    static final String B = "com.example.admin.defs#ref";
                    static final String C = "com.example.server.notYetALexicon";
                    static final String D = "com.example.access";
                    static final String E = "see com.example.server.createThing";
                    static final char Q = '"';
                    static final String F = "/xrpc/" + "x\\"y";
                    static final String G = \"""
                        com.example.admin.defs
                        \""";
                }
                """;
        List<NsidLiterals.Hit> hits = LINT.scan(Path.of("A.java"), source);
        assertThat(hits).extracting(NsidLiterals.Hit::literal).containsExactly("com.example.server.createThing",
                "com.example.admin.defs#ref", "com.example.server.notYetALexicon", "com.example.admin.defs");
        assertThat(hits).extracting(NsidLiterals.Hit::line).containsExactly(5, 6, 7, 13);
        assertThat(hits.getFirst().toString()).startsWith("A.java:5: the literal \"com.example.server.createThing\"");
    }

    @Test
    void namespacesOutsideTheCatalogAndNonNsidsPass() {
        assertThat(LINT.namesLexicon("com.example.access")).as("a JWT scope: namespace com.example has no Lexicon")
                .isFalse();
        assertThat(LINT.namesLexicon("org.example.server.createThing")).isFalse();
        assertThat(LINT.namesLexicon("com.example.server")).isFalse();
        assertThat(LINT.namesLexicon("#commit")).isFalse();
        assertThat(LINT.namesLexicon("com.example.server.createThing")).isTrue();
    }
}
