package dev.skein.pds.identity;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DID documents of other accounts and services, for checking their signatures: did:plc from the PLC
 * directory, did:web from {@code https://<host>/.well-known/did.json} ({@code http} for {@code localhost},
 * as the reference resolver allows in development). Answers are cached for a few minutes; a caller whose
 * signature check failed asks again with {@code fresh}, since the key may have rotated.
 *
 * <p>Spec: <a href="https://atproto.com/specs/did">DID</a>.
 */
public final class DidResolver {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    static final int MAX_CACHED = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private record Cached(DidDocument document, Instant until) {}

    private final PlcClient plc;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final Map<Did, Cached> cache = new ConcurrentHashMap<>();

    public DidResolver(PlcClient plc, Clock clock) {
        this.plc = plc;
        this.clock = clock;
    }

    public Optional<DidDocument> resolve(Did did, boolean fresh) {
        Instant now = clock.instant();
        Cached c = cache.get(did);
        if (!fresh && c != null && c.until().isAfter(now)) {
            return Optional.of(c.document());
        }
        Optional<DidDocument> doc = switch (did.method()) {
            case "plc" -> plc.resolve(did);
            case "web" -> web(did);
            default -> Optional.empty();
        };
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        doc.ifPresentOrElse(d -> cache.put(did, new Cached(d, now.plus(CACHE_FOR))), () -> cache.remove(did));
        return doc;
    }

    private Optional<DidDocument> web(Did did) {
        String host = URLDecoder.decode(did.identifier(), StandardCharsets.UTF_8);
        if (host.contains(":") && !host.matches("(localhost|127\\.0\\.0\\.1):\\d+")) {
            return Optional.empty();
        }
        boolean local = host.startsWith("localhost") || host.startsWith("127.0.0.1");
        URI uri = URI.create((local ? "http://" : "https://") + host + "/.well-known/did.json");
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > MAX_DOCUMENT_BYTES) {
                return Optional.empty();
            }
            return Optional.of(DidDocument.parse(r.body()).requireId(did));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
