package dev.skein.relay.stream;

import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.Drisl;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.syntax.Did;
import dev.skein.relay.store.LoggedEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Renders log events the way Jetstream (v1 {@code /subscribe}) shapes them: a commit becomes one event per record
 * operation, {@code {did, time_us, kind: "commit", commit: {rev, operation, collection, rkey, record?, cid?}}},
 * with the record as atproto JSON; {@code #identity} and {@code #account} keep their fields under {@code identity}
 * and {@code account}; {@code #sync} is not sent (Jetstream v1 does not). Op {@code i} of a commit has
 * {@code time_us} = the event's time + {@code i}, so that every Jetstream event has a cursor of its own.
 *
 * <p>Rendered events are kept for the most recent {@link #CACHE_SIZE} log entries, so that many consumers of the
 * live stream share one rendering.
 */
public final class JetstreamEncoder {
    /** How many recent log entries keep their rendering. */
    static final int CACHE_SIZE = 8_192;
    /** Jetstream's handle when none is known. */
    static final String NO_HANDLE = "handle.invalid";
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Long, List<JetstreamMessage>> cache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(CACHE_SIZE, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, List<JetstreamMessage>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** The Jetstream events of one log entry. */
    public List<JetstreamMessage> render(LoggedEvent e) {
        List<JetstreamMessage> cached = cache.get(e.seq());
        if (cached != null) {
            return cached;
        }
        List<JetstreamMessage> out = List.copyOf(encode(e));
        cache.put(e.seq(), out);
        return out;
    }

    /** Renders into a consumer. */
    public void render(LoggedEvent e, Consumer<JetstreamMessage> out) {
        render(e).forEach(out);
    }

    private static List<JetstreamMessage> encode(LoggedEvent e) {
        return switch (FirehoseFrame.decode(e.frame())) {
            case CommitEvent c -> commit(c, e.timeUs());
            case IdentityEvent i -> List.of(new JetstreamMessage(i.did(), null, e.timeUs(), json(g -> {
                head(g, i.did(), e.timeUs(), "identity");
                g.writeName("identity");
                g.writeStartObject();
                g.writeStringProperty("did", i.did().value());
                g.writeStringProperty("handle", i.handle() == null ? NO_HANDLE : i.handle().value());
                g.writeNumberProperty("seq", i.seq());
                g.writeStringProperty("time", i.time().value());
                g.writeEndObject();
                g.writeEndObject();
            })));
            case AccountEvent a -> List.of(new JetstreamMessage(a.did(), null, e.timeUs(), json(g -> {
                head(g, a.did(), e.timeUs(), "account");
                g.writeName("account");
                g.writeStartObject();
                g.writeBooleanProperty("active", a.active());
                g.writeStringProperty("did", a.did().value());
                g.writeNumberProperty("seq", a.seq());
                g.writeStringProperty("time", a.time().value());
                if (a.status() != null) {
                    g.writeStringProperty("status", a.status());
                }
                g.writeEndObject();
                g.writeEndObject();
            })));
            default -> List.of();
        };
    }

    private static List<JetstreamMessage> commit(CommitEvent c, long timeUs) {
        CarContents car = CarReader.readAll(c.blocks(), CarLimits.COMMIT_SLICE, CidVerification.SKIP);
        List<JetstreamMessage> out = new ArrayList<>(c.ops().size());
        int i = 0;
        for (RepoOp op : c.ops()) {
            long t = timeUs + i++;
            String collection = op.collection().value();
            byte[] record = op.cid() == null ? null : car.get(op.cid());
            out.add(new JetstreamMessage(c.repo(), collection, t, json(g -> {
                head(g, c.repo(), t, "commit");
                g.writeName("commit");
                g.writeStartObject();
                g.writeStringProperty("rev", c.rev().value());
                g.writeStringProperty("operation", op.action().wire());
                g.writeStringProperty("collection", collection);
                g.writeStringProperty("rkey", op.rkey().value());
                if (record != null) {
                    g.writeName("record");
                    DataJson.write(g, Drisl.decode(record));
                    g.writeStringProperty("cid", op.cid().toString());
                }
                g.writeEndObject();
                g.writeEndObject();
            })));
        }
        return out;
    }

    private static void head(JsonGenerator g, Did did, long timeUs, String kind) {
        g.writeStartObject();
        g.writeStringProperty("did", did.value());
        g.writeNumberProperty("time_us", timeUs);
        g.writeStringProperty("kind", kind);
    }

    private static String json(Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            body.accept(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
