package dev.skein.xrpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XrpcClientTest {
    private static final Nsid GET = Nsid.parse("com.example.getThing");
    private static final Nsid DO = Nsid.parse("com.example.doThing");

    private HttpServer server;
    private XrpcClient client;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new XrpcClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Echoes what it got as JSON, or answers the error the path asks for. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                + " type=" + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + body);
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.contains("fail=xrpc")) {
            send(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"no such thing\"}");
        } else if (query != null && query.contains("fail=html")) {
            send(exchange, 502, "<html>bad gateway</html>");
        } else if (query != null && query.contains("fail=json")) {
            send(exchange, 200, "{not json");
        } else {
            send(exchange, 200, "{\"ok\":true}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aQueryEncodesItsParametersAndRepeatsAListsKey() {
        MapValue answer = client.query(GET, Map.of("dids", List.of("did:plc:a", "did:plc:b")), Optional.of("Bearer t"));

        assertThat(answer.get("ok")).isEqualTo(BoolValue.TRUE);
        assertThat(lastRequest.get())
                .startsWith("GET /xrpc/com.example.getThing?dids=did%3Aplc%3Aa&dids=did%3Aplc%3Ab auth=Bearer t");
    }

    @Test
    void aProcedureSendsJsonOrNoBodyAtAll() {
        client.procedure(DO, MapValue.builder().put("text", "héllo").build(), Optional.empty());
        assertThat(lastRequest.get()).isEqualTo("POST /xrpc/com.example.doThing auth=null type=application/json body={\"text\":\"héllo\"}");

        client.procedure(DO, null, Optional.empty());
        assertThat(lastRequest.get()).isEqualTo("POST /xrpc/com.example.doThing auth=null type=null body=");
    }

    @Test
    void anXrpcErrorAnswerKeepsItsStatusNameAndMessage() {
        assertThatThrownBy(() -> client.query(GET, Map.of("fail", "xrpc"), Optional.empty()))
                .isInstanceOfSatisfying(XrpcError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.name()).isEqualTo("InvalidRequest");
                    assertThat(e.getMessage()).isEqualTo("no such thing");
                });
    }

    @Test
    void anAnswerThatIsNotXrpcIsNamedByItsStatus() {
        assertThatThrownBy(() -> client.queryBytes(GET, Map.of("fail", "html"), Optional.empty()))
                .isInstanceOfSatisfying(XrpcError.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.name()).isEqualTo("HTTP502");
                    assertThat(e.getMessage()).isEqualTo("<html>bad gateway</html>");
                });
        assertThatThrownBy(() -> client.query(GET, Map.of("fail", "json"), Optional.empty()))
                .isInstanceOfSatisfying(XrpcError.class, e -> assertThat(e.name()).isEqualTo("InvalidResponse"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsUnreachableNotAnXrpcError() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        XrpcClient nowhere = new XrpcClient(URI.create("http://127.0.0.1:" + closed));

        assertThatThrownBy(() -> nowhere.query(GET, Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(ServiceUnreachable.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("cannot reach http://127.0.0.1:" + closed + " (connection refused)");
                    assertThat(e.url().getPort()).isEqualTo(closed);
                });
    }
}
