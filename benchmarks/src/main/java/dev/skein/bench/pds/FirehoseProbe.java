package dev.skein.bench.pds;

import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A live {@code subscribeRepos} consumer that notes when each frame arrived ({@link System#nanoTime()}),
 * keeping the raw bytes; frames are decoded afterwards, so decoding costs nothing while the load runs.
 */
final class FirehoseProbe implements AutoCloseable {
    private record Arrival(long nanos, byte[] frame) {}

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    FirehoseProbe(URI pds) throws Exception {
        URI ws = URI.create(pds.toString().replaceFirst("^http", "ws") + "/xrpc/com.atproto.sync.subscribeRepos");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
            private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                partial.writeBytes(chunk);
                if (last) {
                    arrivals.add(new Arrival(System.nanoTime(), partial.toByteArray()));
                    partial.reset();
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** When each {@code #commit} frame received so far arrived, by commit CID. */
    Map<Cid, Long> commitArrivals() {
        Map<Cid, Long> out = new HashMap<>();
        for (Arrival a : arrivals) {
            if (FirehoseFrame.decode(a.frame()) instanceof CommitEvent c) {
                out.put(c.commit(), a.nanos());
            }
        }
        return out;
    }

    int frames() {
        return arrivals.size();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
