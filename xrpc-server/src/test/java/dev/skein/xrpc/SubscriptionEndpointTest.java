package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.syntax.Nsid;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServer;

/** Subscriptions over a real Reactor Netty WebSocket: frames, close codes, frame sizes, slow consumers, HTTP errors. */
class SubscriptionEndpointTest {
    private static final int BUFFER = 4;
    private static final int MAX_FRAME = 2_000_000;
    private static final byte[] TOO_SLOW = {(byte) 0xEE};
    private static final CountDownLatch overflowed = new CountDownLatch(1);
    private static DisposableServer server;
    private static ReactorNettyWebSocketClient ws;

    /** {@code count} frames of {@code size} bytes, each starting with its index; no count means endless. */
    private static XrpcSubscription frames() {
        return new XrpcSubscription() {
            @Override
            public Nsid nsid() {
                return Nsid.parse("test.stream.frames");
            }

            @Override
            public Flux<byte[]> open(SubscriptionRequest request) {
                int size = request.params().integer("size").orElse(8L).intValue();
                if (size == 13) {
                    throw XrpcException.badRequest("UnluckySize", "13 is not a size");
                }
                Flux<Integer> indexes = request.params().integer("count")
                        .map(c -> Flux.range(0, c.intValue())).orElse(Flux.range(0, Integer.MAX_VALUE));
                return indexes.map(i -> ByteBuffer.allocate(Math.max(size, 4)).putInt(0, i).array());
            }

            @Override
            public Optional<byte[]> onOverflow(SubscriptionRequest request) {
                overflowed.countDown();
                return Optional.of(TOO_SLOW);
            }
        };
    }

    @BeforeAll
    static void start() {
        XrpcRegistry registry = new XrpcRegistry(TestMethods.CATALOG, List.of(), List.of(frames()));
        XrpcDispatcher dispatcher = new XrpcDispatcher(registry, TestMethods.AUTH, XrpcRateLimiter.UNLIMITED,
                XrpcSettings.defaults("t").withSubscriptions(new SubscriptionSettings(BUFFER, MAX_FRAME)));
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(dispatcher.routes()))).bindNow();
        ws = new ReactorNettyWebSocketClient(HttpClient.create(),
                () -> WebsocketClientSpec.builder().maxFramePayloadLength(2 * MAX_FRAME));
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
    }

    private static URI uri(String query) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/xrpc/test.stream.frames" + query);
    }

    private record Received(List<byte[]> frames, List<WebSocketMessage.Type> types, CloseStatus close) {}

    private static Received receiveAll(String query) {
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        List<WebSocketMessage.Type> types = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> close = new AtomicReference<>();
        ws.execute(uri(query), session -> session.receive()
                        .doOnNext(m -> {
                            types.add(m.getType());
                            frames.add(bytes(m.getPayload()));
                        })
                        .then(session.closeStatus().doOnNext(close::set).then()))
                .block(Duration.ofSeconds(60));
        return new Received(frames, types, close.get());
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] b = new byte[buffer.readableByteCount()];
        buffer.read(b);
        return b;
    }

    @Test
    void sendsEveryFrameAsABinaryMessageThenClosesNormally() {
        Received r = receiveAll("?count=50");
        assertThat(r.frames()).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(ByteBuffer.wrap(r.frames().get(i)).getInt()).isEqualTo(i);
        }
        assertThat(r.types()).containsOnly(WebSocketMessage.Type.BINARY);
        assertThat(r.close().getCode()).isEqualTo(1000);
    }

    @Test
    void framesFarAboveReactorNettysDefaultLimitGetThrough() {
        Received r = receiveAll("?count=2&size=1500000");
        assertThat(r.frames()).hasSize(2).allSatisfy(f -> assertThat(f).hasSize(1_500_000));
        assertThat(r.close().getCode()).isEqualTo(1000);
    }

    @Test
    void aFrameOverTheLimitIsNotSentAndTheSocketClosesWithAServerError() {
        Received r = receiveAll("?count=2&size=" + (MAX_FRAME + 1));
        assertThat(r.frames()).isEmpty();
        assertThat(r.close().getCode()).isEqualTo(1011);
    }

    @Test
    void aStalledConsumerIsCutOffWithTheOverflowFrameAndConsumerTooSlow() throws Exception {
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> close = new AtomicReference<>();
        Mono<Void> run = ws.execute(uri("?size=65536"), session -> {
            BaseSubscriber<WebSocketMessage> reader = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription s) {
                    s.request(1);
                }

                @Override
                protected void hookOnNext(WebSocketMessage m) {
                    frames.add(bytes(m.getPayload()));
                }
            };
            session.receive().subscribe(reader);
            return Mono.fromRunnable(() -> {
                        try {
                            assertThat(overflowed.await(60, TimeUnit.SECONDS)).as("the server cut the consumer off").isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        reader.request(Long.MAX_VALUE);
                    })
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .then(session.closeStatus().doOnNext(close::set).then());
        });
        run.block(Duration.ofSeconds(90));
        assertThat(frames).isNotEmpty();
        assertThat(frames.getLast()).containsExactly(TOO_SLOW);
        List<byte[]> data = frames.subList(0, frames.size() - 1);
        for (int i = 0; i < data.size(); i++) {
            assertThat(ByteBuffer.wrap(data.get(i)).getInt()).as("frames arrive in order, none skipped").isEqualTo(i);
        }
        assertThat(close.get().getCode()).isEqualTo(1008);
        assertThat(close.get().getReason()).isEqualTo("ConsumerTooSlow");
    }

    @Test
    void httpRequestsThatCannotOpenTheStreamGetXrpcErrors() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.port()).build();
        http.post().uri("/xrpc/test.stream.frames").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectBody().jsonPath("$.error").isEqualTo("MethodNotAllowed");
        http.get().uri("/xrpc/test.stream.frames").exchange()
                .expectStatus().isEqualTo(HttpStatus.UPGRADE_REQUIRED)
                .expectBody().jsonPath("$.error").isEqualTo("UpgradeRequired");
        http.get().uri("/xrpc/test.stream.frames?count=many").header("Upgrade", "websocket").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest");
        http.get().uri("/xrpc/test.stream.frames?size=13").header("Upgrade", "websocket").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("UnluckySize");
    }
}
