package dev.skein.lexicon.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.lexicon.files.LexiconFiles;
import dev.skein.lexicon.runtime.LexiconDataException;
import dev.skein.lexicon.runtime.LexiconObject;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on schemas chosen to trip it: definitions named like JDK types ({@code string}, {@code list}),
 * Java keywords and reserved member names as properties, two {@code defs} Lexicons in different packages, a
 * union whose variants share a name, inline objects, nullable fields, closed unions, tokens and known values.
 * The generated sources must compile without warnings and round-trip data.
 */
class JavaGeneratorTest {
    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("com.example/defs.json", """
                {'lexicon': 1, 'id': 'com.example.defs', 'defs': {
                  'string': {'type': 'object', 'required': ['value'], 'properties': {'value': {'type': 'string'}}},
                  'object': {'type': 'object', 'required': ['class', 'default', 'maybe'], 'nullable': ['maybe', 'perhaps'],
                    'properties': {
                      'class': {'type': 'string', 'knownValues': ['low', 'high', 'com.example.defs#tok']},
                      'default': {'type': 'integer'},
                      'toString': {'type': 'boolean'},
                      'maybe': {'type': 'string'},
                      'perhaps': {'type': 'integer'},
                      'inline': {'type': 'object', 'properties': {'x': {'type': 'integer'}}},
                      'bytes': {'type': 'bytes'},
                      'link': {'type': 'cid-link'},
                      'any': {'type': 'unknown'},
                      'level': {'type': 'ref', 'ref': '#level'},
                      'list': {'type': 'array', 'items': {'type': 'union',
                        'refs': ['#string', 'com.example.other.defs#string']}},
                      'only': {'type': 'union', 'refs': ['com.example.list'], 'closed': true}}},
                  'tok': {'type': 'token', 'description': 'A token.'},
                  'level': {'type': 'string', 'enum': ['one', 'two']}}}
                """);
        SCHEMAS.put("com.example.other/defs.json", """
                {'lexicon': 1, 'id': 'com.example.other.defs', 'defs': {
                  'string': {'type': 'object', 'properties': {'n': {'type': 'integer'}}}}}
                """);
        SCHEMAS.put("com.example/list.json", """
                {'lexicon': 1, 'id': 'com.example.list', 'defs': {
                  'main': {'type': 'record', 'key': 'tid', 'record': {'type': 'object', 'required': ['items'],
                    'properties': {'items': {'type': 'array', 'items': {'type': 'ref', 'ref': 'com.example.defs#string'}},
                      'list': {'type': 'ref', 'ref': '#list'}}}},
                  'list': {'type': 'object', 'properties': {'at': {'type': 'string', 'format': 'datetime'}}}}}
                """);
    }

    @TempDir
    Path dir;

    private static LexiconFiles files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        SCHEMAS.forEach((path, json) -> files.put(path, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
        return new LexiconFiles("test", files);
    }

    @Test
    void trickyNamesCompileWithoutWarningsAndRoundTrip() throws Exception {
        JavaGenerator generator = JavaGenerator.of(files(), GeneratorConfig.of("com.example."));
        List<Path> sources = generator.writeTo(dir.resolve("src"));
        ClassLoader loader = compile(sources);

        Class<?> list = loader.loadClass("dev.skein.lexicon.com.example.List");
        String record = """
                {"$type": "com.example.list", "items": [{"value": "a"}, {"value": "b", "extra": true}],
                 "list": {"at": "2026-01-01T00:00:00Z"}, "later": 1}
                """;
        assertRoundTrip(list, record);

        Class<?> object = loader.loadClass("dev.skein.lexicon.com.example.Defs$Object");
        assertRoundTrip(object, """
                {"class": "high", "default": 3, "toString": true, "maybe": null, "perhaps": 2,
                 "inline": {"x": 1}, "bytes": {"$bytes": "AAE"}, "link": {"$link": "bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6sfiks2rstgl5x5apia"},
                 "any": {"anything": [1, 2]}, "level": "two",
                 "list": [{"$type": "com.example.defs#string", "value": "v"}, {"$type": "com.example.other.defs#string", "n": 1},
                          {"$type": "com.example.future#thing"}],
                 "only": {"$type": "com.example.list", "items": []}}
                """);
        assertThatThrownBy(() -> read(object, """
                {"class": "x", "default": 1, "maybe": "m", "only": {"$type": "com.example.defs#string", "value": "v"}}
                """)).isInstanceOfSatisfying(LexiconDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LexiconDataException.Reason.UNKNOWN_VARIANT);
                    assertThat(e.path()).isEqualTo("/only/$type");
                });
        assertThat(object.getField("CLASS_COM_EXAMPLE_DEFS_TOK").get(null)).isEqualTo("com.example.defs#tok");
        Class<?> defs = loader.loadClass("dev.skein.lexicon.com.example.Defs");
        assertThat(defs.getField("TOK").get(null)).isEqualTo("com.example.defs#tok");
        assertThat(defs.getField("LEVEL_TWO").get(null)).isEqualTo("two");
        assertThat(object.getRecordComponents()).extracting(c -> c.getName()).startsWith("class_", "default_",
                "toString_", "maybe");
    }

    @Test
    void aReferenceOutsideThePrefixesIsAnErrorThatSaysWhatToAdd() {
        JavaGenerator generator = JavaGenerator.of(files(), GeneratorConfig.of("com.example.list"));
        assertThatThrownBy(generator::generate).isInstanceOf(GeneratorException.class)
                .hasMessageContaining("com.example.defs#string").hasMessageContaining("add a prefix");
    }

    @Test
    void writingTwiceLeavesUnchangedFilesAloneAndDeletesStaleOnes() throws IOException {
        Path out = dir.resolve("out");
        JavaGenerator generator = JavaGenerator.of(files(), GeneratorConfig.of("com.example."));
        List<Path> first = generator.writeTo(out);
        Path stale = out.resolve("dev/skein/lexicon/com/example/Gone.java");
        Files.writeString(stale, "class Gone {}");
        var before = Files.getLastModifiedTime(first.getFirst());

        List<Path> second = generator.writeTo(out);

        assertThat(second).isEqualTo(first);
        assertThat(stale).doesNotExist();
        assertThat(Files.getLastModifiedTime(first.getFirst())).isEqualTo(before);
    }

    @Test
    void componentsFollowTheSchemasOrderWhenTheFilesAreKnown() {
        LexiconCatalog catalog = files().catalog();
        String fromFiles = source(JavaGenerator.of(files(), GeneratorConfig.of("com.example.")), "Defs");
        String canonical = source(new JavaGenerator(catalog, GeneratorConfig.of("com.example.")), "Defs");

        assertThat(fromFiles.indexOf("String class_")).isLessThan(fromFiles.indexOf("long default_"));
        assertThat(fromFiles.indexOf("long default_")).isLessThan(fromFiles.indexOf("Optional<Boolean> toString_"));
        assertThat(fromFiles.indexOf("Optional<Boolean> toString_")).isLessThan(fromFiles.indexOf("> maybe,"));
        assertThat(canonical.indexOf("> maybe,")).isLessThan(canonical.indexOf("Optional<Boolean> toString_"));
    }

    private static String source(JavaGenerator generator, String type) {
        return generator.generate().stream().filter(s -> s.typeName().equals(type)
                && s.packageName().endsWith("com.example")).findFirst().orElseThrow().content();
    }

    private static LexiconObject read(Class<?> type, String json) throws Exception {
        Method fromValue = type.getMethod("fromValue", MapValue.class);
        try {
            return (LexiconObject) fromValue.invoke(null, DataJson.parse(json));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void assertRoundTrip(Class<?> type, String json) throws Exception {
        LexiconObject value = read(type, json);
        assertThat(value.toValue()).isEqualTo(DataJson.parse(json));
        assertThat(read(type, value.toJson())).isEqualTo(value);
    }

    @Test
    void nsidConstantsNameEveryLexiconAndDefinitionAndCompile() throws Exception {
        List<Path> sources = JavaGenerator.of(files(), GeneratorConfig.of("com.example.other.").withNsidConstants())
                .writeTo(dir.resolve("src"));
        assertThat(sources).contains(dir.resolve("src/dev/skein/lexicon/nsid/Com.java"),
                dir.resolve("src/dev/skein/lexicon/nsid/ComExample.java"));
        ClassLoader loader = compile(sources);

        Class<?> example = loader.loadClass("dev.skein.lexicon.nsid.Com$Example");
        assertThat(example.getField("LIST").get(null)).hasToString("com.example.list")
                .isInstanceOf(dev.skein.core.syntax.Nsid.class);
        assertThat(example.getField("DEFS").get(null)).hasToString("com.example.defs");
        assertThat(example.getField("DEFS_STRING").get(null)).isEqualTo("com.example.defs#string");
        assertThat(example.getField("DEFS_TOK").get(null)).isEqualTo("com.example.defs#tok");
        assertThat(example.getField("LIST_LIST").get(null)).isEqualTo("com.example.list#list");
        assertThat(loader.loadClass("dev.skein.lexicon.nsid.ComExample$Other").getField("DEFS_STRING").get(null))
                .isEqualTo("com.example.other.defs#string");
        assertThat(JavaGenerator.of(files(), GeneratorConfig.of("com.example.other.")).generate())
                .as("off unless asked").noneMatch(s -> s.packageName().endsWith(".nsid"));
    }

    private ClassLoader compile(List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = String.join(File.pathSeparator, location(MapValue.class), location(LexiconObject.class),
                location(tools.jackson.core.JsonParser.class));
        List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--release", "21", "-encoding", "UTF-8",
                "-d", classes.toString(), "-cp", classpath));
        sources.forEach(s -> args.add(s.toString()));
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        assertThat(status).as(errors.toString()).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
