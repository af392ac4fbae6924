package dev.skein.relay.testing;

import dev.skein.core.firehose.FirehoseFrame;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A PDS as the relay sees it, on localhost: {@code subscribeRepos} serving frames added by the test (those after the
 * requested cursor, then new ones as they are added), {@code describeServer}, and {@code getRepo} from CARs the test
 * sets. It can be stopped and started again on the same port with the same frames, like a PDS that restarts.
 */
public final class FakePds implements AutoCloseable {
    /** Guarded by itself: appended to, never changed (a copy-on-write list would make a long stream quadratic). */
    private final List<byte[]> frames = new java.util.ArrayList<>();
    private final Map<String, byte[]> repos = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Long> cursors = new CopyOnWriteArrayList<>();
    private volatile DisposableServer server;
    private volatile int port;
    private volatile String serverHeader;
    private volatile boolean dropH2cUpgrades;
    /** Wakes open streams when a frame is added, so live frames go out at once rather than at the next poll. */
    private final reactor.core.publisher.Sinks.Many<Long> added = reactor.core.publisher.Sinks.many().multicast().directBestEffort();
    private final java.util.Set<reactor.netty.Connection> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FakePds() {
        start(0);
    }

    /** Answers with a {@code Server} header (to look like a relay). */
    public FakePds serverHeader(String value) {
        this.serverHeader = value;
        return this;
    }

    /**
     * Closes every plain HTTP request that asks to upgrade to h2c without answering it, as a Node.js server with a
     * WebSocket endpoint (the reference TypeScript PDS) does: it hands all upgrade requests to its WebSocket server.
     */
    public FakePds dropH2cUpgrades() {
        this.dropH2cUpgrades = true;
        return this;
    }

    private boolean dropped(reactor.netty.http.server.HttpServerRequest req, reactor.netty.http.server.HttpServerResponse res) {
        if (dropH2cUpgrades && "h2c".equalsIgnoreCase(req.requestHeaders().get("Upgrade"))) {
            res.withConnection(c -> c.channel().close());
            return true;
        }
        return false;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String host() {
        return "localhost:" + port;
    }

    /** Adds a frame built with the next seq (1, 2, …); returns the seq. */
    public long add(LongFunction<FirehoseFrame> frame) {
        synchronized (frames) {
            long seq = frames.size() + 1;
            frames.add(frame.apply(seq).encode());
            added.tryEmitNext(seq);
            return seq;
        }
    }

    /** Adds raw frame bytes (taking a seq position, whatever they contain). */
    public void addRaw(byte[] bytes) {
        synchronized (frames) {
            frames.add(bytes);
            added.tryEmitNext((long) frames.size());
        }
    }

    public int frameCount() {
        synchronized (frames) {
            return frames.size();
        }
    }

    /** The frames added so far, in seq order. */
    public List<byte[]> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    public void repo(String did, byte[] car) {
        repos.put(did, car);
    }

    public int connections() {
        return connections.get();
    }

    /** The cursors the relay connected with (0 for none). */
    public List<Long> cursors() {
        return cursors;
    }

    public synchronized void start(int atPort) {
        server = HttpServer.create().host("127.0.0.1").port(atPort)
                .doOnConnection(c -> {
                    open.add(c);
                    c.onDispose(() -> open.remove(c));
                })
                .route(r -> r
                        .get("/xrpc/com.atproto.sync.subscribeRepos", (req, res) -> {
                            String q = req.uri().contains("cursor=") ? req.uri().replaceAll(".*cursor=(\\d+).*", "$1") : "0";
                            long cursor = Long.parseLong(q);
                            cursors.add(cursor);
                            connections.incrementAndGet();
                            if (serverHeader != null) {
                                res.header("Server", serverHeader);
                            }
                            return res.sendWebsocket((in, out) -> out.sendObject(stream(cursor)),
                                    WebsocketServerSpec.builder().maxFramePayloadLength(FirehoseFrame.MAX_FRAME_BYTES).build());
                        })
                        .get("/xrpc/com.atproto.server.describeServer", (req, res) -> {
                            if (dropped(req, res)) {
                                return Mono.empty();
                            }
                            if (serverHeader != null) {
                                res.header("Server", serverHeader);
                            }
                            return res.header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"did\":\"did:web:localhost\",\"availableUserDomains\":[]}"));
                        })
                        .get("/xrpc/com.atproto.sync.getRepo", (req, res) -> {
                            if (dropped(req, res)) {
                                return Mono.empty();
                            }
                            String did = java.net.URLDecoder.decode(req.uri().replaceAll(".*did=([^&]+).*", "$1"), StandardCharsets.UTF_8);
                            byte[] car = repos.get(did);
                            if (car == null) {
                                return res.status(400).sendString(Mono.just("{\"error\":\"RepoNotFound\"}"));
                            }
                            return res.header("Content-Type", "application/vnd.ipld.car").sendByteArray(Mono.just(car));
                        }))
                .bindNow();
        port = server.port();
    }

    /** Frames after {@code cursor} (seq = position), then new ones as they come. */
    private Flux<BinaryWebSocketFrame> stream(long cursor) {
        if (cursor > frameCount()) {
            byte[] error = new dev.skein.core.firehose.ErrorFrame(dev.skein.core.firehose.ErrorFrame.FUTURE_CURSOR,
                    "Cursor in the future.").encode();
            return Flux.just(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(error)));
        }
        AtomicInteger next = new AtomicInteger((int) cursor);
        return Flux.merge(Flux.interval(Duration.ZERO, Duration.ofMillis(5)), added.asFlux())
                // A tick that comes while the client is still reading is skipped: the next one catches up.
                .onBackpressureDrop()
                .concatMap(t -> {
                    int from = next.get();
                    List<byte[]> batch;
                    synchronized (frames) {
                        if (frames.size() <= from) {
                            return Flux.empty();
                        }
                        batch = List.copyOf(frames.subList(from, frames.size()));
                    }
                    next.set(from + batch.size());
                    return Flux.fromIterable(batch);
                }, 1)
                .map(b -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(b)));
    }

    /** Stops serving: open connections are cut. */
    public synchronized void stop() {
        if (server != null) {
            // Disposing the server stops accepting; its open connections are cut too, as a crash would.
            for (reactor.netty.Connection c : List.copyOf(open)) {
                c.dispose();
            }
            server.disposeNow();
            server = null;
        }
    }

    /** Serves again on the same port. */
    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }
}
