package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconCatalogTest {
    private static final ClassLoader LOADER = LexiconCatalogTest.class.getClassLoader();

    @Test
    void indexListsResourcesRelativeToItselfOrAbsolute() {
        LexiconCatalog catalog = TestCatalog.CATALOG;

        assertThat(catalog.documents()).extracting(d -> d.id().toString()).containsExactly(
                "dev.skein.test.note", "dev.skein.test.defs", "dev.skein.test.getNotes", "dev.skein.test.createNote",
                "dev.skein.test.subscribeNotes");
        assertThat(catalog.refProblems()).isEmpty();
    }

    @Test
    void resourceListLoadsTheSameDocuments() {
        LexiconCatalog catalog = LexiconCatalog.fromResources(LOADER, List.of(
                "lexicon-test/dev/skein/test/defs.json", "/lexicon-test/dev/skein/test/note.json"));

        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.document(Nsid.parse("dev.skein.test.defs"))).contains(
                TestCatalog.CATALOG.document(Nsid.parse("dev.skein.test.defs")).orElseThrow());
    }

    @Test
    void resolvesMainLocalAndGlobalRefs() {
        LexiconCatalog catalog = TestCatalog.CATALOG;

        assertThat(catalog.find("dev.skein.test.note")).get().isInstanceOf(LexRecord.class);
        assertThat(catalog.find("dev.skein.test.note#main")).get().isInstanceOf(LexRecord.class);
        assertThat(catalog.find("dev.skein.test.defs#spoiler")).get().isInstanceOf(LexToken.class);
        assertThat(catalog.find("dev.skein.test.defs#missing")).isEmpty();
        assertThat(catalog.find("dev.skein.test.absent")).isEmpty();
        assertThat(catalog.find("not a ref")).isEmpty();
        // "#replyRef" in note.json was made global when parsed
        LexRecord note = (LexRecord) catalog.find("dev.skein.test.note").orElseThrow();
        assertThat(((LexRef) note.record().properties().get("reply")).ref())
                .isEqualTo(new SchemaRef(Nsid.parse("dev.skein.test.note"), "replyRef"));
        assertThatThrownBy(() -> catalog.resolve(SchemaRef.parse("dev.skein.test.defs#missing")))
                .isInstanceOf(LexiconException.class)
                .satisfies(e -> assertThat(((LexiconException) e).reason()).isEqualTo(Reason.UNRESOLVED_REF));
    }

    @Test
    void folderIsReadRecursivelyAndOnlyJson(@TempDir Path dir) throws IOException {
        write(dir.resolve("a/b/one.json"), doc("dev.skein.one", "{'x': {'type': 'ref', 'ref': 'dev.skein.two#y'}}"));
        write(dir.resolve("two.json"), json("{'lexicon': 1, 'id': 'dev.skein.two', 'defs': {'y': {'type': 'string'}}}"));
        write(dir.resolve("notes.txt"), "not a lexicon");

        LexiconCatalog catalog = LexiconCatalog.fromFolder(dir).checkRefs();

        assertThat(catalog.documents()).extracting(d -> d.id().toString())
                .containsExactly("dev.skein.one", "dev.skein.two");
    }

    @Test
    void aBrokenFileIsNamedInTheError(@TempDir Path dir) throws IOException {
        write(dir.resolve("ok.json"), doc("dev.skein.one", "{}"));
        Path broken = dir.resolve("sub/broken.json");
        write(broken, doc("dev.skein.two", "{'x': {'type': 'integer', 'minimum': 'low'}}"));

        assertThatThrownBy(() -> LexiconCatalog.fromFolder(dir))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.source()).contains(broken + " (dev.skein.two)");
                    assertThat(e.path()).isEqualTo("/defs/main/properties/x/minimum");
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
                });
    }

    @Test
    void duplicateIdsAreRejected(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.json"), doc("dev.skein.one", "{}"));
        write(dir.resolve("b.json"), doc("dev.skein.one", "{}"));

        assertThatThrownBy(() -> LexiconCatalog.fromFolder(dir))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ID);
                    assertThat(e.getMessage()).contains("a.json").contains("b.json");
                });
    }

    @Test
    void missingFolderAndResourceAreUnreadable() {
        assertThatThrownBy(() -> LexiconCatalog.fromFolder(Path.of("/nonexistent/lexicons")))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
        assertThatThrownBy(() -> LexiconCatalog.fromResources(LOADER, List.of("lexicon-test/none.json")))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
                    assertThat(e.source()).contains("lexicon-test/none.json");
                });
    }

    @Test
    void refProblemsListUnresolvedRefsAndRefsToWhatHoldsNoData() {
        LexiconCatalog catalog = LexiconCatalog.of(List.of(
                LexiconParser.parse(doc("dev.skein.one", """
                        {'a': {'type': 'ref', 'ref': 'dev.skein.two#tok'},
                         'b': {'type': 'union', 'refs': ['dev.skein.two#str', 'dev.skein.two#obj']},
                         'c': {'type': 'array', 'items': {'type': 'ref', 'ref': 'dev.skein.three'}},
                         'd': {'type': 'ref', 'ref': 'dev.skein.two#str'}}""")),
                LexiconParser.parse(json("""
                        {'lexicon': 1, 'id': 'dev.skein.two', 'defs': {
                          'tok': {'type': 'token'}, 'str': {'type': 'string'}, 'obj': {'type': 'object', 'properties': {}}}}
                        """))));

        assertThat(catalog.refProblems()).extracting(LexiconException::path).containsExactly(
                "/defs/main/properties/a/ref", "/defs/main/properties/b/refs/0", "/defs/main/properties/c/items/ref");
        assertThat(catalog.refProblems()).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo(Reason.UNRESOLVED_REF);
            assertThat(p.source()).contains("dev.skein.one");
        });
        assertThatThrownBy(catalog::checkRefs).hasMessageContaining("3 reference problem(s)")
                .hasMessageContaining("dev.skein.three");
    }

    @Test
    void toBuilderAddsToACopy() {
        LexiconCatalog more = TestCatalog.CATALOG.toBuilder()
                .add(LexiconParser.parse(doc("dev.skein.extra", "{}")))
                .build();

        assertThat(more.size()).isEqualTo(TestCatalog.CATALOG.size() + 1);
        assertThat(TestCatalog.CATALOG.contains(Nsid.parse("dev.skein.extra"))).isFalse();
        assertThatThrownBy(() -> more.toBuilder().add(more.documents().iterator().next()))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ID));
    }

    /** A document whose main def is an object with these (single-quoted JSON) properties. */
    private static String doc(String id, String properties) {
        return json("{'lexicon': 1, 'id': '" + id + "', 'defs': {'main': {'type': 'object', 'properties': "
                + properties + "}}}");
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
