package dev.skein.pds;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.skein.pds.account.AccountIdentity;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /.well-known/atproto-did}: the DID of the account whose handle is the request's host, as
 * {@code text/plain}, so that handles under the PDS's domains resolve over HTTPS when their DNS points
 * here. Unknown hosts are 404.
 *
 * <p>Spec: <a href="https://atproto.com/specs/handle#https-well-known-method">handle: HTTPS well-known method</a>.
 */
public final class WellKnownRoutes {
    public static final String ATPROTO_DID = "/.well-known/atproto-did";

    private final AccountIdentity identity;

    public WellKnownRoutes(AccountIdentity identity) {
        this.identity = identity;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET(ATPROTO_DID), this::atprotoDid);
    }

    private Mono<ServerResponse> atprotoDid(ServerRequest request) {
        Optional<String> host = host(request.headers().firstHeader(HttpHeaders.HOST));
        if (host.isEmpty()) {
            return notFound();
        }
        return Mono.fromCallable(() -> identity.wellKnownDid(host.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(did -> did.isPresent()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(did.get().value())
                        : notFound());
    }

    /** The host name of a Host header, without port or trailing dot, lowercase. */
    static Optional<String> host(String header) {
        if (header == null || header.isBlank() || header.startsWith("[")) {
            return Optional.empty();
        }
        String h = header.strip();
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() ? Optional.empty() : Optional.of(h.toLowerCase(Locale.ROOT));
    }

    private static Mono<ServerResponse> notFound() {
        return ServerResponse.status(404).contentType(MediaType.TEXT_PLAIN).bodyValue("User not found");
    }
}
