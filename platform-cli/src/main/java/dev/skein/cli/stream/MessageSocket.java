package dev.skein.cli.stream;

import dev.skein.xrpc.client.ServiceUnreachable;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket read one whole message at a time: partial frames are joined, each message is handed to the
 * handler before the next is asked for (so a slow handler slows the service down instead of filling memory),
 * and {@link #run} returns when the service closes the socket, the handler calls {@link #stop}, or the
 * connection fails. One instance serves one connection; {@link #stop} before {@link #run} makes it return at once.
 */
final class MessageSocket {
    /** The largest message kept: a firehose frame is at most 5 MB. */
    static final int MAX_MESSAGE_BYTES = 8 << 20;

    /** How often an idle connection is checked. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    private static final ScheduledExecutorService PINGS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skein-websocket-ping");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient http;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile WebSocket socket;

    MessageSocket(HttpClient http) {
        this.http = http;
    }

    /**
     * Connects and delivers messages (binary ones as bytes, text ones as UTF-8 bytes) until the end. A connection
     * that can not be made is a {@link ServiceUnreachable}; one that drops later ends the run like a close does.
     */
    void run(URI url, Consumer<byte[]> onMessage) {
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(url, new Listener(onMessage)).join();
        } catch (CompletionException e) {
            throw new ServiceUnreachable(url, e.getCause() == null ? e : e.getCause());
        }
        ScheduledFuture<?> keepAlive = PINGS.scheduleWithFixedDelay(this::ping, PING_INTERVAL.toMillis(),
                PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
        } finally {
            keepAlive.cancel(false);
            socket.abort();
        }
    }

    /**
     * Sends a ping: a peer that went away without a close frame (a killed process, a lost network) leaves the
     * socket half-open, and only a write finds that out.
     */
    private void ping() {
        try {
            socket.sendPing(ByteBuffer.allocate(0)).whenComplete((ws, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** Closes the socket normally and lets {@link #run} return. */
    void stop() {
        WebSocket s = socket;
        if (s != null && !s.isOutputClosed()) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        if (s != null) {
            s.abort();
        }
        done.complete(null);
    }

    private final class Listener implements WebSocket.Listener {
        private final Consumer<byte[]> onMessage;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        Listener(Consumer<byte[]> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return part(ws, bytes, last);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            return part(ws, data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), last);
        }

        private CompletionStage<?> part(WebSocket ws, byte[] bytes, boolean last) {
            if (partial.size() + bytes.length > MAX_MESSAGE_BYTES) {
                done.completeExceptionally(new IllegalStateException("a message over " + MAX_MESSAGE_BYTES + " bytes"));
                ws.abort();
                return null;
            }
            partial.writeBytes(bytes);
            if (last) {
                byte[] message = partial.toByteArray();
                partial.reset();
                try {
                    onMessage.accept(message);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    ws.abort();
                    return null;
                }
            }
            if (!done.isDone()) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            done.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
