package dev.skein.lexicon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexRecord;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.runtime.LexiconDataException;
import dev.skein.lexicon.runtime.LexiconRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated agent types against the example records in lexicons/: every valid example reads into its
 * generated record and writes back to exactly the same data (so the same JSON, DRISL bytes and CID); invalid
 * examples whose rule is about the data's shape fail to read, while those about a constraint the
 * {@code LexiconValidator} enforces (lengths, ranges, enums, blob limits) read, and round-trip, unchanged.
 */
class AgentRecordRoundTripTest {
    /** Rules about shape: a missing field, the wrong kind of value, a string not in its format, a $type. */
    private static final Set<String> SHAPE_RULES = Set.of("required", "type", "format", "$type", "blob",
            "nullable", "record");
    /** Rules about constraints, which reading leaves to the validator. */
    private static final Set<String> CONSTRAINT_RULES = Set.of("maxLength", "minLength", "maxGraphemes",
            "minGraphemes", "maximum", "minimum", "enum", "accept", "maxSize");

    static List<AgentExamples.Valid> valid() {
        return AgentExamples.valid();
    }

    static Stream<AgentExamples.Invalid> shapeErrors() {
        return AgentExamples.invalid().stream().filter(e -> SHAPE_RULES.contains(e.rule()));
    }

    static Stream<AgentExamples.Invalid> constraintErrors() {
        return AgentExamples.invalid().stream().filter(e -> CONSTRAINT_RULES.contains(e.rule()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyValidExampleRoundTrips(AgentExamples.Valid example) {
        LexiconRecord record = AgentRecordTypes.read(example.type(), example.record());

        assertThat(record.collection()).isEqualTo(example.type());
        assertThat(record.toValue()).isEqualTo(example.record());
        assertThat(record.toDrisl()).isEqualTo(Drisl.encode(example.record()));
        LexiconRecord again = AgentRecordTypes.read(example.type(), (MapValue) DataJson.parse(record.toJson()));
        assertThat(again).isEqualTo(record);
        assertThat(AgentRecordTypes.read(example.type(), (MapValue) Drisl.decode(record.toDrisl()))).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeErrors")
    void invalidShapesDoNotRead(AgentExamples.Invalid example) {
        assertThatThrownBy(() -> AgentRecordTypes.read(example.type(), example.record()))
                .isInstanceOf(LexiconDataException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraintErrors")
    void constraintsAreLeftToTheValidator(AgentExamples.Invalid example) {
        LexiconRecord record = AgentRecordTypes.read(example.type(), example.record());
        assertThat(record.toValue()).isEqualTo(example.record());
    }

    @Test
    void everyInvalidExampleIsClassifiedAndThereAreExamplesOfBoth() {
        List<AgentExamples.Invalid> all = AgentExamples.invalid();
        assertThat(all).allSatisfy(e -> assertThat(SHAPE_RULES.contains(e.rule())
                || CONSTRAINT_RULES.contains(e.rule())).as("rule %s", e.rule()).isTrue());
        assertThat(shapeErrors()).hasSizeGreaterThan(50);
        assertThat(constraintErrors()).hasSizeGreaterThan(20);
        assertThat(valid()).hasSizeGreaterThan(30);
    }

    @Test
    void everyRecordTypeInTheFolderHasAGeneratedTypeAndExamples() throws IOException {
        LexiconCatalog.Builder catalog = LexiconCatalog.builder();
        try (Stream<Path> walk = Files.walk(AgentExamples.LEXICONS)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.toString().contains("/examples/")).toList()) {
                catalog.addJson(Files.readAllBytes(p), p.toString());
            }
        }
        List<Nsid> recordTypes = catalog.build().documents().stream()
                .filter(d -> d.id().toString().startsWith("agent."))
                .filter(d -> d.main().filter(LexRecord.class::isInstance).isPresent())
                .map(LexiconDocument::id)
                .toList();
        assertThat(AgentRecordTypes.READERS.keySet()).containsExactlyInAnyOrderElementsOf(recordTypes);
        assertThat(valid().stream().map(AgentExamples.Valid::type).distinct())
                .containsExactlyInAnyOrderElementsOf(recordTypes);
    }
}
