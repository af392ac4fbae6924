package dev.skein.lexicon.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.testsupport.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linter's checks of one folder: validity, paths, references, and the conventions of agent.* only. */
class LexiconLinterTest {
    private static final String RECORD = """
            {'lexicon': 1, 'id': 'ID', 'defs': {
              'main': {'type': 'record', 'key': 'tid', 'record': {'type': 'object', 'required': ['text', 'createdAt'],
                'properties': {
                  'text': {'type': 'string', 'maxLength': 100},
                  'createdAt': {'type': 'string', 'format': 'datetime'}}}}}}
            """;
    private static final String VALID = "[{'$type': 'ID', 'text': 'hi', 'createdAt': '2026-01-01T00:00:00Z'}]";
    private static final String INVALID = "[{'why': 'text is required', 'rule': 'required', "
            + "'record': {'$type': 'ID', 'createdAt': '2026-01-01T00:00:00Z'}}]";

    private static String record(String id) {
        return RECORD.replace("ID", id);
    }

    /** A record type with its two example files. */
    private static Lexicons withExamples(Lexicons folder, String namespace, String name) {
        String id = namespace + "." + name;
        return folder.file(namespace + "/" + name + ".json", record(id))
                .file(namespace + "/examples/" + name + "-valid.json", VALID.replace("ID", id))
                .file(namespace + "/examples/" + name + "-invalid.json", INVALID.replace("ID", id));
    }

    private static LintReport lint(Lexicons folder) {
        return new LexiconLinter(LintConfig.DEFAULT).lint(folder.build());
    }

    private static List<String> rules(LintReport report) {
        return report.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void aWellFormedFolderHasNoFindings() {
        assertThat(lint(withExamples(Lexicons.folder(), "agent.test", "thing")).findings()).isEmpty();
    }

    @Test
    void theProjectsLexiconFolderHasNoErrors() {
        LintReport report = new LexiconLinter(LintConfig.DEFAULT)
                .lint(LexiconFiles.fromFolder(TestEnvironment.projectDir().resolve("lexicons")));
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void aFileMustSitAtItsNamespaceAndName() {
        LintReport report = lint(Lexicons.folder().file("com.example/other.json", record("com.example.thing"))
                .file("thing.json", record("com.example.misplaced")));

        assertThat(report.withRule("path")).extracting(Finding::file)
                .containsExactlyInAnyOrder("com.example/other.json", "thing.json");
    }

    @Test
    void filesThatDoNotParseDuplicatesAndUnresolvedRefsAreErrors() {
        LintReport report = lint(Lexicons.folder()
                .file("com.example/broken.json", "{'lexicon': 1, 'id': 'com.example.broken', 'defs': {}}")
                .file("com.example/thing.json", record("com.example.thing"))
                .file("com.example.copy/thing.json", record("com.example.thing"))
                .file("com.example/pointer.json", "{'lexicon': 1, 'id': 'com.example.pointer', 'defs': {'main': "
                        + "{'type': 'object', 'properties': {'to': {'type': 'ref', 'ref': 'com.example.nowhere'}}}}}"));

        // The copy sorts first, so it is the one at the wrong path, and the original the duplicate.
        assertThat(rules(report)).containsExactlyInAnyOrder("parse", "path", "duplicate-id", "ref");
        assertThat(report.withRule("ref")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("com.example/pointer.json");
            assertThat(f.path()).isEqualTo("/defs/main/properties/to/ref");
        });
    }

    @Test
    void namingConventionsApplyToAgentLexiconsOnly() {
        String badNames = """
                {'lexicon': 1, 'id': 'ID', 'defs': {
                  'Bad_def': {'type': 'object', 'properties': {'snake_case': {'type': 'boolean'}}}}}
                """;
        LintReport agent = lint(Lexicons.folder().file("agent.test/Things.json", badNames.replace("ID", "agent.test.Things")));
        LintReport published = lint(Lexicons.folder().file("com.example/Things.json",
                badNames.replace("ID", "com.example.Things")));

        assertThat(agent.withRule("name")).extracting(Finding::path)
                .containsExactlyInAnyOrder("/id", "/defs/Bad_def", "/defs/Bad_def/properties/snake_case");
        assertThat(published.findings()).isEmpty();
    }

    @Test
    void agentRecordsNeedCreatedAtLimitsAndExamples() {
        String loose = """
                {'lexicon': 1, 'id': 'agent.test.loose', 'defs': {
                  'main': {'type': 'record', 'key': 'tid', 'record': {'type': 'object',
                    'properties': {
                      'words': {'type': 'string'},
                      'when': {'type': 'string', 'format': 'datetime'},
                      'list': {'type': 'array', 'items': {'type': 'string', 'format': 'did'}}}}}}}
                """;
        LintReport report = lint(Lexicons.folder().file("agent.test/loose.json", loose));

        assertThat(report.withRule("created-at")).hasSize(1);
        assertThat(report.withRule("limits")).extracting(Finding::path).containsExactlyInAnyOrder(
                "/defs/main/record/properties/words", "/defs/main/record/properties/list");
        assertThat(report.withRule("examples")).extracting(Finding::message).containsExactlyInAnyOrder(
                "a record type needs agent.test/examples/loose-valid.json",
                "a record type needs agent.test/examples/loose-invalid.json");
        assertThat(lint(Lexicons.folder().file("com.example/loose.json", loose.replace("agent.test", "com.example")))
                .findings()).isEmpty();
    }

    @Test
    void examplesMustValidateOrFailAsTheySay() {
        Lexicons folder = withExamples(Lexicons.folder(), "agent.test", "thing")
                .file("agent.test/examples/thing-valid.json", "[{'$type': 'agent.test.thing', 'text': 'no date'}]")
                .file("agent.test/examples/thing-invalid.json", "[{'why': 'nothing wrong', 'rule': 'none', "
                        + "'record': {'$type': 'agent.test.thing', 'text': 'hi', 'createdAt': '2026-01-01T00:00:00Z'}}]");

        LintReport report = lint(folder);

        assertThat(report.withRule("examples")).extracting(Finding::file, Finding::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("agent.test/examples/thing-valid.json", "/0"),
                org.assertj.core.groups.Tuple.tuple("agent.test/examples/thing-invalid.json", "/0/record"));
    }
}
