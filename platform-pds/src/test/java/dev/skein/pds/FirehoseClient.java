package dev.skein.pds;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A {@code subscribeRepos} consumer for tests, on Reactor Netty's WebSocket client (frames up to the sync
 * spec's 5 MB): it keeps every frame it receives, decoded, and how the server closed the socket.
 */
public final class FirehoseClient implements AutoCloseable {
    public static final int MAX_FRAME = 5_000_000;

    public final List<FirehoseFrame> frames = new CopyOnWriteArrayList<>();
    public final List<byte[]> rawFrames = new CopyOnWriteArrayList<>();
    private final AtomicInteger closeCode = new AtomicInteger(-1);
    private volatile boolean ended;
    private final Disposable connection;

    private FirehoseClient(int port, OptionalLong cursor) {
        String query = cursor.isPresent() ? "?cursor=" + cursor.getAsLong() : "";
        connection = HttpClient.create().websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build())
                .uri("ws://127.0.0.1:" + port + "/xrpc/com.atproto.sync.subscribeRepos" + query)
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeCode.set(status.code()));
                    return in.aggregateFrames(MAX_FRAME).receiveFrames().map(f -> ByteBufUtil.getBytes(f.content()));
                })
                .subscribe(bytes -> {
                    rawFrames.add(bytes);
                    frames.add(FirehoseFrame.decode(bytes));
                }, e -> ended = true, () -> ended = true);
    }

    public static FirehoseClient connect(int port, OptionalLong cursor) {
        return new FirehoseClient(port, cursor);
    }

    public static FirehoseClient live(int port) {
        return connect(port, OptionalLong.empty());
    }

    public static FirehoseClient from(int port, long cursor) {
        return connect(port, OptionalLong.of(cursor));
    }

    /** The seqs of the events received ({@code #info} has none), in order of arrival. */
    public List<Long> seqs() {
        return frames.stream().map(FirehoseClient::seqOf).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
    }

    /** The last seq received, or 0. */
    public long lastSeq() {
        List<Long> s = seqs();
        return s.isEmpty() ? 0 : s.getLast();
    }

    public static OptionalLong seqOf(FirehoseFrame frame) {
        return switch (frame) {
            case CommitEvent e -> OptionalLong.of(e.seq());
            case SyncEvent e -> OptionalLong.of(e.seq());
            case IdentityEvent e -> OptionalLong.of(e.seq());
            case AccountEvent e -> OptionalLong.of(e.seq());
            default -> OptionalLong.empty();
        };
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    /** The close code the server sent, or -1. */
    public int closeCode() {
        return closeCode.get();
    }

    @Override
    public void close() {
        connection.dispose();
    }

    /** Waits up to a minute for {@code condition}; whether it came true. */
    public static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
