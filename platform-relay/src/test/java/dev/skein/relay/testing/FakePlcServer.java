package dev.skein.relay.testing;

import dev.skein.core.identity.DidDocument;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A PLC directory over HTTP on localhost ({@code GET /<did>}), for clients that resolve DIDs themselves. */
public final class FakePlcServer implements AutoCloseable {
    private final Map<String, byte[]> docs = new ConcurrentHashMap<>();
    private final DisposableServer server;

    public FakePlcServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r.get("/{did}", (req, res) -> {
                    byte[] doc = docs.get(java.net.URLDecoder.decode(req.param("did"), java.nio.charset.StandardCharsets.UTF_8));
                    if (doc == null) {
                        return res.status(404).sendString(Mono.just("{\"message\":\"DID not registered\"}"));
                    }
                    return res.header("Content-Type", "application/did+ld+json").sendByteArray(Mono.just(doc));
                }))
                .bindNow();
    }

    public void put(DidDocument doc) {
        docs.put(doc.did().value(), doc.toJson());
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
