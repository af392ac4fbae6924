package dev.skein.core.lexicon;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import java.util.Map;

/** The test schemas of {@code src/test/resources/lexicon-test}, and JSON shorthands. */
final class TestCatalog {
    static final LexiconCatalog CATALOG =
            LexiconCatalog.fromResourceIndex(TestCatalog.class.getClassLoader(), "lexicon-test/index.txt").checkRefs();
    static final LexiconValidator VALIDATOR = new LexiconValidator(CATALOG);

    private TestCatalog() {}

    /** JSON with single quotes for readability in tests. */
    static DataValue json(String singleQuoted) {
        return DataJson.parse(singleQuoted.replace('\'', '"'));
    }

    static MapValue object(String singleQuoted) {
        return (MapValue) json(singleQuoted);
    }

    static MapValue with(MapValue map, String key, DataValue value) {
        Map<String, DataValue> m = map.toMap();
        m.put(key, value);
        return MapValue.of(m);
    }

    static MapValue without(MapValue map, String key) {
        Map<String, DataValue> m = map.toMap();
        m.remove(key);
        return MapValue.of(m);
    }
}
