package dev.skein.relay.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Runs every scenario file under {@code scenarios/}: each frame's results must be exactly those the file expects. */
class IngestScenarioTest {
    static Path dir() throws URISyntaxException {
        return Path.of(IngestScenarioTest.class.getResource("/scenarios").toURI());
    }

    static Stream<Arguments> scenarios() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> Arguments.of(f.getFileName().toString(), read(f))).toList().stream();
        }
    }

    private static JsonNode read(Path f) {
        try {
            return ScenarioBuilder.JSON.readTree(Files.readString(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String file, JsonNode scenario) {
        ScenarioRunner.run(scenario);
    }

    @Test
    void theFilesAreTheGeneratorsOutput() throws IOException, URISyntaxException {
        var generated = ScenarioGenerator.all();
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .isEqualTo(generated.stream().map(s -> s.get("name").asString() + ".json").sorted().toList());
        }
        for (var s : generated) {
            assertThat(Files.readString(dir().resolve(s.get("name").asString() + ".json")))
                    .as(s.get("name").asString() + ".json is stale: run ScenarioGenerator.main")
                    .isEqualTo(ScenarioGenerator.render(s));
        }
    }

    @Test
    void everyDropReasonIsExercised() throws IOException, URISyntaxException {
        Set<DropReason> seen = EnumSet.noneOf(DropReason.class);
        for (Arguments a : scenarios().toList()) {
            for (JsonNode step : ((JsonNode) a.get()[1]).get("steps")) {
                for (JsonNode e : step.path("expect")) {
                    if (e.has("reason")) {
                        seen.add(DropReason.valueOf(e.get("reason").asString().toUpperCase()));
                    }
                }
            }
        }
        // A failure of the relay itself is not a property of a frame: IngestWorkersTest makes one.
        seen.add(DropReason.INTERNAL_ERROR);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).as("drop reasons no scenario exercises").isEmpty();
    }

    @Test
    void scenariosCoverTheIssuesList() {
        List<String> names = ScenarioGenerator.all().stream().map(s -> s.get("name").asString()).toList();
        assertThat(names).contains("valid-commits", "bad-signature", "wrong-host", "rev-order", "proof-blocks",
                "tampered-record", "prevdata-mismatch", "account-status", "key-rotation", "resync-after-gap");
    }
}
