package dev.skein.cli.stream;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One record operation read from a stream, with what was checked about it.
 *
 * @param seq the event's sequence number ({@code subscribeRepos}) or cursor ({@code time_us}, Jetstream)
 * @param action {@code create}, {@code update} or {@code delete}
 * @param cid the new record's CID; {@code null} for a delete
 * @param record the record; {@code null} for a delete
 * @param verified whether the commit carrying it was verified (signature and Sync 1.1 proof); Jetstream carries
 *     no proof, so its records are never verified
 * @param validation the lexicon validation; {@code null} for a delete
 */
public record StreamRecord(Did did, long seq, String action, Nsid collection, RecordKey rkey, Cid cid, MapValue record,
                           boolean verified, Validation validation) {
    private static final JsonFactory JSON = new JsonFactory();

    /** The record's {@code at://} URI. */
    public String uri() {
        return "at://" + did.value() + "/" + collection.value() + "/" + rkey.value();
    }

    /**
     * One JSON line: {@code did, seq, action, collection, rkey, uri, cid, verified, validation, errors?, record}.
     */
    public String toJsonLine() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("did", did.value());
            g.writeNumberProperty("seq", seq);
            g.writeStringProperty("action", action);
            g.writeStringProperty("collection", collection.value());
            g.writeStringProperty("rkey", rkey.value());
            g.writeStringProperty("uri", uri());
            g.writeStringProperty("cid", cid == null ? null : cid.toString());
            g.writeBooleanProperty("verified", verified);
            if (validation != null) {
                g.writeStringProperty("validation", validation.status().word());
                if (!validation.errors().isEmpty()) {
                    g.writeName("errors");
                    g.writeStartArray();
                    validation.errors().forEach(g::writeString);
                    g.writeEndArray();
                }
            }
            g.writeName("record");
            if (record == null) {
                g.writeNull();
            } else {
                DataJson.write(g, record);
            }
            g.writeEndObject();
        }
        return out.toString();
    }
}
