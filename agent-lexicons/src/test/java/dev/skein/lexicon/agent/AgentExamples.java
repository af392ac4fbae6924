package dev.skein.lexicon.agent;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.testsupport.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example records beside the agent schemas in lexicons/: {@code agent.<namespace>/examples/<name>-valid.json}
 * and {@code -invalid.json} (the published schemas' examples belong to types not generated here).
 */
final class AgentExamples {
    static final Path LEXICONS = TestEnvironment.projectDir().resolve("lexicons");

    private AgentExamples() {}

    /** A valid example: the record type, its index in the file, the record. */
    record Valid(Nsid type, int index, MapValue record) {
        @Override
        public String toString() {
            return type + "[" + index + "]";
        }
    }

    /** An invalid example: the record type, the rule it breaks, why, the record. */
    record Invalid(Nsid type, String rule, String why, MapValue record) {
        @Override
        public String toString() {
            return type + " " + rule + ": " + why;
        }
    }

    static List<Valid> valid() {
        List<Valid> out = new ArrayList<>();
        for (Path file : files("-valid.json")) {
            ArrayValue items = (ArrayValue) read(file);
            for (int i = 0; i < items.size(); i++) {
                out.add(new Valid(type(file, "-valid.json"), i, (MapValue) items.get(i)));
            }
        }
        return out;
    }

    static List<Invalid> invalid() {
        List<Invalid> out = new ArrayList<>();
        for (Path file : files("-invalid.json")) {
            ArrayValue items = (ArrayValue) read(file);
            for (DataValue item : items.items()) {
                MapValue m = (MapValue) item;
                out.add(new Invalid(type(file, "-invalid.json"), m.getString("rule").orElseThrow(),
                        m.getString("why").orElseThrow(), m.getMap("record").orElseThrow()));
            }
        }
        return out;
    }

    private static Nsid type(Path file, String suffix) {
        String name = file.getFileName().toString();
        return Nsid.parse(file.getParent().getParent().getFileName() + "."
                + name.substring(0, name.length() - suffix.length()));
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(LEXICONS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> LEXICONS.relativize(p).getName(0).toString().startsWith("agent."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataValue read(Path file) {
        try {
            return DataJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
