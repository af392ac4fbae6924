package dev.skein.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.client.XrpcClient;
import dev.skein.xrpc.client.XrpcError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a small HTTP server that answers as a PDS does: an expired access token is refreshed once and the call
 * made again, the new tokens are saved, and errors arrive as {@link XrpcError} with the service's name and message.
 */
class AuthenticatedPdsTest {
    private static final Did ALICE = Did.parse("did:plc:erfyinigcqqpnmuio2a3xyws");

    @TempDir
    Path dir;

    private HttpServer server;
    private URI base;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/xrpc/com.atproto.repo.describeRepo", ex -> {
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            calls.add("describeRepo " + auth);
            if (auth.equals("Bearer access-2")) {
                send(ex, 200, "{\"handle\":\"alice.test\"}");
            } else {
                send(ex, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
            }
        });
        server.createContext("/xrpc/com.atproto.server.refreshSession", ex -> {
            calls.add("refreshSession " + ex.getRequestHeaders().getFirst("Authorization"));
            send(ex, 200, "{\"did\":\"" + ALICE.value() + "\",\"handle\":\"alice.test\",\"accessJwt\":\"access-2\","
                    + "\"refreshJwt\":\"refresh-2\"}");
        });
        server.createContext("/xrpc/com.atproto.repo.getRecord", ex -> send(ex, 400, "not json at all"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallMadeAgain() {
        SessionStore store = new SessionStore(dir.resolve("sessions.json"));
        Session old = new Session(base, ALICE, "alice.test", "access-1", "refresh-1");
        store.save(old);
        XrpcClient client = new XrpcClient(base);
        AuthenticatedPds pds = new AuthenticatedPds(client, old, Optional.of(store));

        MapValue answer = pds.call(a -> client.query(Methods.DESCRIBE_REPO, Map.of("repo", "x"), a));

        assertThat(answer.getString("handle")).contains("alice.test");
        assertThat(calls).containsExactly("describeRepo Bearer access-1", "refreshSession Bearer refresh-1",
                "describeRepo Bearer access-2");
        assertThat(store.find(Optional.empty())).hasValueSatisfying(s -> {
            assertThat(s.accessJwt()).isEqualTo("access-2");
            assertThat(s.refreshJwt()).isEqualTo("refresh-2");
        });
    }

    @Test
    void otherErrorsAreNotRetried() {
        XrpcClient client = new XrpcClient(base);
        AuthenticatedPds pds = new AuthenticatedPds(client, new Session(base, ALICE, "alice.test", "a", "r"), Optional.empty());
        assertThatThrownBy(() -> pds.call(a -> client.query(Methods.GET_RECORD, Map.of(), a)))
                .isInstanceOfSatisfying(XrpcError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.name()).isEqualTo("HTTP400");
                    assertThat(e.getMessage()).isEqualTo("not json at all");
                });
        assertThat(calls).isEmpty();
    }
}
