package dev.skein.pds.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandleResolverTest {

    @Test
    void dnsNeedsExactlyOneDid() {
        Map<String, List<String>> txt = Map.of(
                "_atproto.one.example", List.of("v=spf1", "did=did:plc:one"),
                "_atproto.two.example", List.of("did=did:plc:one", "did=did:plc:two"),
                "_atproto.bad.example", List.of("did=not a did"));
        HandleResolver r = new HandleResolver(name -> txt.getOrDefault(name, List.of()),
                h -> URI.create("http://127.0.0.1:9/.well-known/atproto-did"));
        assertThat(r.resolve(Handle.parse("ONE.example"))).contains(Did.parse("did:plc:one"));
        assertThat(r.resolve(Handle.parse("two.example"))).isEmpty();
        assertThat(r.resolve(Handle.parse("bad.example"))).isEmpty();
        assertThat(r.resolve(Handle.parse("none.example"))).isEmpty();
    }

    @Test
    void theWellKnownAnswerCountsWhenDnsHasNone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String handle = exchange.getRequestURI().getPath().substring(1);
            byte[] body = switch (handle) {
                case "web.example", "both.example" -> " did:plc:web \n".getBytes(StandardCharsets.UTF_8);
                case "huge.example" -> ("did:plc:" + "a".repeat(5000)).getBytes(StandardCharsets.UTF_8);
                default -> "did:plc:nope".getBytes(StandardCharsets.UTF_8);
            };
            exchange.sendResponseHeaders(handle.equals("missing.example") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HandleResolver r = new HandleResolver(
                    name -> name.equals("_atproto.both.example") ? List.of("did=did:plc:dns") : List.of(),
                    h -> URI.create(base + "/" + h.value()));
            assertThat(r.resolve(Handle.parse("web.example"))).contains(Did.parse("did:plc:web"));
            assertThat(r.resolve(Handle.parse("both.example"))).as("DNS wins").contains(Did.parse("did:plc:dns"));
            assertThat(r.resolve(Handle.parse("missing.example"))).isEmpty();
            assertThat(r.resolve(Handle.parse("huge.example"))).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void txtValuesAreUnquotedAndJoined() {
        assertThat(HandleResolver.unquote("\"did=did:plc:abc\"")).isEqualTo("did=did:plc:abc");
        assertThat(HandleResolver.unquote("\"did=did:plc:\" \"abc\"")).isEqualTo("did=did:plc:abc");
        assertThat(HandleResolver.unquote("did=did:plc:abc")).isEqualTo("did=did:plc:abc");
    }
}
