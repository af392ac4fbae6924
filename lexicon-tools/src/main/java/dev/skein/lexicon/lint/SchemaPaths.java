package dev.skein.lexicon.lint;

/** JSON pointers into a schema file. */
final class SchemaPaths {
    private SchemaPaths() {}

    /** {@code pointer} one key deeper, the key escaped as a JSON pointer needs. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of a definition. */
    static String def(String name) {
        return child("/defs", name);
    }
}
