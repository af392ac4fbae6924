package dev.skein.lexicon.lint;

import dev.skein.lexicon.files.LexiconFiles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small lexicon folders for tests, built from JSON text (single quotes stand for double quotes). */
final class Lexicons {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    static Lexicons folder() {
        return new Lexicons();
    }

    Lexicons file(String path, String json) {
        files.put(path, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        return this;
    }

    LexiconFiles build() {
        return new LexiconFiles("test", files);
    }
}
