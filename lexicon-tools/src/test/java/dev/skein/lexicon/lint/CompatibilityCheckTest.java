package dev.skein.lexicon.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backward compatibility of a changed schema: each change against one base schema, and what it is reported as. */
class CompatibilityCheckTest {
    private static final String FILE = "com.example/thing.json";
    private static final String BASE = """
            {'lexicon': 1, 'id': 'com.example.thing', 'defs': {
              'main': {'type': 'record', 'key': 'tid', 'record': {'type': 'object',
                'required': ['text', 'createdAt'],
                'nullable': ['note'],
                'properties': {
                  'text': {'type': 'string', 'maxLength': 100, 'description': 'Words.'},
                  'count': {'type': 'integer', 'minimum': 0, 'maximum': 10},
                  'kind': {'type': 'string', 'enum': ['a', 'b']},
                  'state': {'type': 'string', 'maxLength': 64, 'knownValues': ['on', 'off']},
                  'tags': {'type': 'array', 'maxLength': 5, 'items': {'type': 'string', 'maxLength': 10}},
                  'body': {'type': 'union', 'refs': ['#plain'], 'closed': true},
                  'extra': {'type': 'union', 'refs': ['#plain', '#other']},
                  'image': {'type': 'blob', 'accept': ['image/png', 'image/jpeg'], 'maxSize': 1000},
                  'note': {'type': 'string', 'maxLength': 10},
                  'subject': {'type': 'ref', 'ref': '#plain'},
                  'createdAt': {'type': 'string', 'format': 'datetime'}}}},
              'plain': {'type': 'object', 'properties': {'text': {'type': 'string', 'maxLength': 50}}},
              'other': {'type': 'object', 'properties': {'n': {'type': 'integer'}}},
              'unused': {'type': 'object', 'properties': {}}}}
            """;

    private static Arguments change(String name, UnaryOperator<String> edit, String rule, boolean error) {
        return Arguments.of(name, edit, rule, error);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("a property removed", s -> s.replace(
                        "'count': {'type': 'integer', 'minimum': 0, 'maximum': 10},", ""), "compat-removed", true),
                change("a definition removed", s -> s.replace(
                        ",\n  'unused': {'type': 'object', 'properties': {}}", ""), "compat-removed", true),
                change("a new required property", s -> s.replace("'required': ['text', 'createdAt']",
                        "'required': ['text', 'createdAt', 'fresh']").replace("'properties': {\n      'text'",
                        "'properties': {\n      'fresh': {'type': 'boolean'},\n      'text'"), "compat-required", true),
                change("an optional property made required", s -> s.replace("'required': ['text', 'createdAt']",
                        "'required': ['text', 'createdAt', 'count']"), "compat-required", true),
                change("a required property made optional", s -> s.replace("'required': ['text', 'createdAt']",
                        "'required': ['createdAt']"), "compat-required", true),
                change("maxLength narrowed", s -> s.replace("'maxLength': 100", "'maxLength': 50"),
                        "compat-narrowed", true),
                change("minimum raised", s -> s.replace("'minimum': 0", "'minimum': 1"), "compat-narrowed", true),
                change("maxGraphemes added", s -> s.replace("'maxLength': 100,", "'maxLength': 100, 'maxGraphemes': 10,"),
                        "compat-narrowed", true),
                change("a format added", s -> s.replace("'maxLength': 100,", "'maxLength': 100, 'format': 'uri',"),
                        "compat-narrowed", true),
                change("array maxLength narrowed", s -> s.replace("'maxLength': 5", "'maxLength': 4"),
                        "compat-narrowed", true),
                change("blob type dropped", s -> s.replace("['image/png', 'image/jpeg']", "['image/png']"),
                        "compat-narrowed", true),
                change("blob maxSize lowered", s -> s.replace("'maxSize': 1000", "'maxSize': 999"),
                        "compat-narrowed", true),
                change("nullable dropped", s -> s.replace("'nullable': ['note'],", ""), "compat-narrowed", true),
                change("a type changed", s -> s.replace("'text': {'type': 'string', 'maxLength': 100,",
                        "'text': {'type': 'integer',"), "compat-type", true),
                change("an item type changed", s -> s.replace("'items': {'type': 'string', 'maxLength': 10}",
                        "'items': {'type': 'integer'}"), "compat-type", true),
                change("a ref target changed", s -> s.replace("'ref': '#plain'", "'ref': '#other'"),
                        "compat-type", true),
                change("an enum value removed", s -> s.replace("['a', 'b']", "['a']"), "compat-enum", true),
                change("an enum value added", s -> s.replace("['a', 'b']", "['a', 'b', 'c']"), "compat-enum", true),
                change("a closed union variant removed", s -> s.replace(
                        "'refs': ['#plain'], 'closed': true", "'refs': [], 'closed': false"), "compat-union", true),
                change("a variant added to a closed union", s -> s.replace("'refs': ['#plain'], 'closed': true",
                        "'refs': ['#plain', '#other'], 'closed': true"), "compat-union", true),
                change("an open union variant removed", s -> s.replace("['#plain', '#other']", "['#plain']"),
                        "compat-union", true),
                change("the record key changed", s -> s.replace("'key': 'tid'", "'key': 'any'"), "compat-key", true),
                change("maxLength widened", s -> s.replace("'maxLength': 100", "'maxLength': 200"),
                        "compat-widened", false),
                change("minimum lowered", s -> s.replace("'minimum': 0", "'minimum': -5"), "compat-widened", false),
                change("blob type added", s -> s.replace("['image/png', 'image/jpeg']",
                        "['image/png', 'image/jpeg', 'image/webp']"), "compat-widened", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void reportsTheChange(String name, UnaryOperator<String> edit, String rule, boolean error) {
        String changed = edit.apply(BASE);
        assertThat(changed).as("the edit applies").isNotEqualTo(BASE);

        LintReport report = lint(changed);

        assertThat(report.withRule(rule)).as(report.findings().toString()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.file()).isEqualTo(FILE));
        assertThat(report.hasErrors()).as(report.findings().toString()).isEqualTo(error);
        if (!error) {
            assertThat(report.findings()).allSatisfy(f -> assertThat(f.rule()).isEqualTo("compat-widened"));
        }
    }

    static List<String> compatibleChanges() {
        return List.of(
                BASE.replace("'description': 'Words.'", "'description': 'Some words.'"),
                BASE.replace("'properties': {\n      'text'", "'properties': {\n      'fresh': {'type': 'boolean'},\n"
                        + "      'text'"),
                BASE.replace("['on', 'off']", "['on', 'off', 'dimmed']"),
                BASE.replace("['on', 'off']", "['on']"),
                BASE.replace("['#plain', '#other']", "['#plain', '#other', '#unused']"),
                BASE.replace("'unused': {'type': 'object', 'properties': {}}",
                        "'unused': {'type': 'object', 'properties': {}},\n  'added': {'type': 'token'}"),
                BASE);
    }

    @ParameterizedTest
    @MethodSource("compatibleChanges")
    void compatibleChangesAreNotReported(String changed) {
        assertThat(lint(changed).findings()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aRemovedLexiconIsReported() {
        LintReport report = new LexiconLinter(LintConfig.DEFAULT).lint(
                Lexicons.folder().file(FILE, BASE).build(),
                Optional.of(Lexicons.folder().file(FILE, BASE).file("com.example/gone.json",
                        "{'lexicon': 1, 'id': 'com.example.gone', 'defs': {'main': {'type': 'token'}}}").build()));

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("compat-removed");
            assertThat(f.file()).isEqualTo("com.example/gone.json");
        });
    }

    private static LintReport lint(String changed) {
        return new LexiconLinter(LintConfig.DEFAULT).lint(Lexicons.folder().file(FILE, changed).build(),
                Optional.of(Lexicons.folder().file(FILE, BASE).build()));
    }
}
