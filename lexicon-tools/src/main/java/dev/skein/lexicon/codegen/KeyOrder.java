package dev.skein.lexicon.codegen;

import dev.skein.core.syntax.Nsid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The order in which a schema file lists the keys of its objects. The parsed schema keeps maps in the data
 * model's canonical order, which is not the author's; generated records list their components, and files their
 * definitions, in the author's order, so that {@code new Message(recipients, content, createdAt)} reads as the
 * schema does.
 */
final class KeyOrder {
    static final KeyOrder NONE = new KeyOrder(Map.of());

    private static final JsonFactory JSON = new JsonFactory();

    /** Per Lexicon, the keys of every object in its file by the object's JSON pointer. */
    private final Map<Nsid, Map<String, List<String>>> keys;

    private KeyOrder(Map<Nsid, Map<String, List<String>>> keys) {
        this.keys = keys;
    }

    /** The key order of these schema files (files that are not valid JSON are left out). */
    static KeyOrder of(Map<Nsid, byte[]> files) {
        Map<Nsid, Map<String, List<String>>> keys = new HashMap<>();
        files.forEach((id, json) -> {
            Map<String, List<String>> objects = new HashMap<>();
            try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    object(p, "", objects);
                }
                keys.put(id, objects);
            } catch (JacksonException e) {
                // The catalog already parsed this file; if it can not be read again, the canonical order stays.
            }
        });
        return new KeyOrder(keys);
    }

    private static void value(JsonParser p, JsonToken t, String pointer, Map<String, List<String>> out) {
        if (t == JsonToken.START_OBJECT) {
            object(p, pointer, out);
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                value(p, n, pointer + "/" + i++, out);
            }
        }
    }

    private static void object(JsonParser p, String pointer, Map<String, List<String>> out) {
        List<String> names = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            names.add(name);
            value(p, p.nextToken(), child(pointer, name), out);
        }
        out.put(pointer, names);
    }

    /** A JSON pointer one key deeper. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code entries} sorted as the keys of the object at {@code pointer} are written in the file. */
    <T> List<Map.Entry<String, T>> sorted(Nsid id, String pointer, Collection<Map.Entry<String, T>> entries) {
        List<String> order = keys.getOrDefault(id, Map.of()).getOrDefault(pointer, List.of());
        List<Map.Entry<String, T>> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getKey());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return out;
    }
}
