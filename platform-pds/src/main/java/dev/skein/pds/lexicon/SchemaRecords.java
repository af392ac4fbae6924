package dev.skein.pds.lexicon;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The {@code com.atproto.lexicon.schema} records to publish: each Lexicon file of a resource index whose NSID
 * passes a filter, as it is written (every field of the document, so that a resolver gets the schema whole),
 * with {@code $type} added. Keyed by NSID, the record key the spec prescribes.
 */
final class SchemaRecords {
    private final Map<String, MapValue> records;

    private SchemaRecords(Map<String, MapValue> records) {
        this.records = Collections.unmodifiableMap(records);
    }

    /** The records of the Lexicons listed in the index resource {@code index} whose NSID {@code include} accepts. */
    static SchemaRecords fromResourceIndex(ClassLoader loader, String index, Predicate<String> include) {
        String folder = index.contains("/") ? index.substring(0, index.lastIndexOf('/') + 1) : "";
        Map<String, MapValue> records = new TreeMap<>();
        for (String line : new String(read(loader, index), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!(DataJson.parse(read(loader, folder + line)) instanceof MapValue document)) {
                throw new IllegalStateException("the Lexicon resource " + folder + line + " is not a JSON object");
            }
            String id = document.getString("id").orElseThrow(() -> new IllegalStateException(
                    "the Lexicon resource " + folder + line + " has no id"));
            if (include.test(id)) {
                records.put(Nsid.parse(id).toString(), asRecord(document));
            }
        }
        return new SchemaRecords(records);
    }

    /** A Lexicon document as a {@code com.atproto.lexicon.schema} record. */
    static MapValue asRecord(MapValue document) {
        MapValue.Builder b = MapValue.builder();
        document.entries().forEach(e -> b.put(e.getKey(), e.getValue()));
        b.put("$type", new StringValue(LexiconPublisher.SCHEMA_COLLECTION.toString()));
        return b.build();
    }

    /** The records by NSID, in NSID order. */
    Map<String, MapValue> byNsid() {
        return records;
    }

    /** The CID each record has once stored: what the repository lists for an unchanged schema. */
    static Cid cidOf(MapValue record) {
        return Drisl.cidOf(record);
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the Lexicon resource " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lexicon resource " + resource, e);
        }
    }
}
