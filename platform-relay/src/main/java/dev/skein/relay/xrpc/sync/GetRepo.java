package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcMethod;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code com.atproto.sync.getRepo}: the relay does not keep repositories; it redirects to the account's PDS, as the
 * sync spec lets an upstream do, so that consumers resynchronising ask their relay first.
 */
public final class GetRepo implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.GET_REPO.value();
    private final Relay relay;

    public GetRepo(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        var did = Params.did(request, "did");
        String since = Params.optional(request, "since").orElse(null);
        return Mono.fromCallable(() -> {
            AccountState s = Repos.available(relay, did);
            String q = "?did=" + URLEncoder.encode(did.value(), StandardCharsets.UTF_8)
                    + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
            return relay.hosts().baseUrl(s.host()).resolve("/xrpc/" + NSID + q);
        }).subscribeOn(Schedulers.boundedElastic())
                .flatMap((URI to) -> ServerResponse.status(HttpStatus.FOUND).location(to).build());
    }
}
