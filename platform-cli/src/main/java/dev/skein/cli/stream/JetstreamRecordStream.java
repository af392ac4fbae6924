package dev.skein.cli.stream;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A consumer of a Jetstream {@code /subscribe} stream: the service filters by {@code wantedCollections} and
 * {@code wantedDids}, and sends each record operation as JSON. Jetstream carries no signatures or proofs, so its
 * records are delivered as not verified; each one is still validated against the lexicons with the PDS's
 * validator ({@link RecordValidator}), and the filter is applied again here.
 */
public final class JetstreamRecordStream {
    /** The event-size limit: a record is at most 1 MiB of DRISL, a little more as JSON. */
    private static final DataLimits LIMITS = new DataLimits(4 << 20, 40, 131_072, 8_192);

    private final URI service;
    private final RecordValidator validator;
    private final RecordFilter filter;
    private final SocketSlot socket;
    private volatile long lastCursor = -1;

    public JetstreamRecordStream(URI service, HttpClient http, RecordValidator validator, RecordFilter filter) {
        this.service = service;
        this.validator = validator;
        this.filter = filter;
        this.socket = new SocketSlot(http);
    }

    /** Reads from {@code cursor} (microseconds) or the live tail, until the stream ends or {@link #stop}. */
    public void run(Optional<Long> cursor, StreamListener listener) {
        socket.run(url(service, filter, cursor), message -> handle(message, listener));
    }

    public void stop() {
        socket.stop();
    }

    /** Whether {@link #stop} was called (by the caller, or on the service's error frame): {@link #run} would do nothing. */
    public boolean stopped() {
        return socket.stopped();
    }

    static URI url(URI service, RecordFilter filter, Optional<Long> cursor) {
        List<String> params = new ArrayList<>();
        filter.collections().forEach(c -> params.add("wantedCollections=" + URLEncoder.encode(c, StandardCharsets.UTF_8)));
        filter.dids().stream().map(Did::value).sorted()
                .forEach(d -> params.add("wantedDids=" + URLEncoder.encode(d, StandardCharsets.UTF_8)));
        cursor.ifPresent(c -> params.add("cursor=" + c));
        String base = service.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        return URI.create(base + "/subscribe" + (params.isEmpty() ? "" : "?" + String.join("&", params)));
    }

    /** The {@code time_us} of the last event read, or -1: the cursor to resume from. */
    public long lastCursor() {
        return lastCursor;
    }

    void handle(byte[] json, StreamListener listener) {
        MapValue event;
        try {
            event = DataJson.parseObject(json, LIMITS);
        } catch (RuntimeException e) {
            listener.onNotice("InvalidEvent", "not a JSON object: " + e.getMessage());
            return;
        }
        event.getInt("time_us").ifPresent(t -> lastCursor = t);
        if (!"commit".equals(event.getString("kind").orElse(""))) {
            return;
        }
        try {
            StreamRecord record = record(event);
            if (filter.wants(record.did(), record.collection())) {
                listener.onRecord(record);
            }
        } catch (RuntimeException e) {
            listener.onNotice("InvalidEvent", "a commit event without a valid did, collection or rkey: " + e.getMessage());
        }
    }

    private StreamRecord record(MapValue event) {
        Did did = Did.parse(event.getString("did").orElseThrow());
        long timeUs = event.getInt("time_us").orElseThrow();
        MapValue commit = event.getMap("commit").orElseThrow();
        String operation = commit.getString("operation").orElseThrow();
        Nsid collection = Nsid.parse(commit.getString("collection").orElseThrow());
        RecordKey rkey = RecordKey.parse(commit.getString("rkey").orElseThrow());
        Optional<MapValue> record = commit.getMap("record");
        Cid cid = commit.getString("cid").map(Cid::parse).orElse(null);
        return new StreamRecord(did, timeUs, operation, collection, rkey, cid, record.orElse(null), false,
                record.map(r -> validator.validate(collection, rkey, r)).orElse(null));
    }
}
