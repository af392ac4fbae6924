package dev.skein.app.cluster;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A WebSocket stream read in the background (the JDK's client): every binary and text message kept in arrival
 * order, and the close frame's status code when the server sends one.
 */
public final class StreamWatch implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<byte[]> binary = new CopyOnWriteArrayList<>();
    private final List<String> text = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private WebSocket socket;

    private StreamWatch() {}

    /** Opens {@code uri} ({@code ws://...}) and starts reading. */
    public static StreamWatch open(URI uri) throws Exception {
        StreamWatch watch = new StreamWatch();
        watch.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, watch).get(60, TimeUnit.SECONDS);
        return watch;
    }

    public List<byte[]> binary() {
        return binary;
    }

    public List<String> text() {
        return text;
    }

    /** The status code of the server's close frame, once it came. */
    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            binary.add(partialBinary.toByteArray());
            partialBinary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            text.add(partialText.toString());
            partialText.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    /**
     * Polls {@code probe} until it gives a value or {@code timeout} passes; the failure names {@code what}.
     * An assertion helper that waits for something to happen, never for a fixed time.
     */
    public static <T> T await(Duration timeout, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
