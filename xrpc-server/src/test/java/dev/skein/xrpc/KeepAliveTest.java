package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Many calls, one after another, over a single kept-alive connection, alternating answers made on another
 * thread with answers made at once on the event loop (as an XRPC error is). Reactor Netty 1.3.6 could stop
 * reading such a connection for good when a request came in before the previous response's operations had
 * terminated (reactor/reactor-netty#4361): the client then waited for ever, which is what each call's
 * timeout here would catch.
 */
class KeepAliveTest {
    private static final int CALLS = 3_000;
    private static DisposableServer server;
    private static ConnectionProvider oneConnection;
    private static HttpClient client;

    /** A query answered on a blocking-capable thread, as every handler that touches the database is. */
    private static XrpcMethod offLoop() {
        return new XrpcMethod() {
            @Override
            public Nsid nsid() {
                return Nsid.parse("test.echo.raw");
            }

            @Override
            public Kind kind() {
                return Kind.QUERY;
            }

            @Override
            public Input input() {
                return Input.NONE;
            }

            @Override
            public AuthRequirement auth() {
                return AuthRequirement.NONE;
            }

            @Override
            public OptionalLong maxInputBytes() {
                return OptionalLong.empty();
            }

            @Override
            public Mono<XrpcResponse> handle(XrpcRequest request) {
                return Mono.fromSupplier(() -> XrpcResponse.json(MapValue.builder().put("n", request.params()
                        .string("n").orElse("")).build())).subscribeOn(Schedulers.boundedElastic());
            }
        };
    }

    @BeforeAll
    static void start() {
        XrpcRegistry registry = new XrpcRegistry(TestMethods.CATALOG, List.of(offLoop(),
                TestMethods.query("test.echo.query", r -> XrpcResponse.json(r.params().values()))), List.of());
        XrpcDispatcher dispatcher = new XrpcDispatcher(registry, TestMethods.AUTH, XrpcRateLimiter.UNLIMITED,
                XrpcSettings.defaults("t"));
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(dispatcher.routes()))).bindNow();
        oneConnection = ConnectionProvider.builder("keep-alive-test").maxConnections(1).build();
        client = HttpClient.create(oneConnection).baseUrl("http://127.0.0.1:" + server.port())
                .responseTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        oneConnection.disposeLater().block();
        server.disposeNow();
    }

    private static int status(String uri) {
        return client.get().uri(uri).responseSingle((response, body) -> body.asByteArray()
                .defaultIfEmpty(new byte[0]).map(b -> response.status().code())).block(Duration.ofSeconds(30));
    }

    @Test
    void everyCallOnAKeptAliveConnectionIsAnswered() {
        for (int i = 0; i < CALLS; i++) {
            if (i % 2 == 0) {
                assertThat(status("/xrpc/test.echo.raw?n=" + i)).as("call %d, answered off the event loop", i).isEqualTo(200);
            } else {
                // A count that is not an integer fails the lexicon check before any handler runs: answered at once.
                assertThat(status("/xrpc/test.echo.query?name=a&count=x" + i)).as("call %d, answered at once", i).isEqualTo(400);
            }
        }
    }
}
