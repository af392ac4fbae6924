package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcMethod;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.sync.getLatestCommit}: the last commit the relay verified for an account. */
public final class GetLatestCommit implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.GET_LATEST_COMMIT.value();
    private final Relay relay;

    public GetLatestCommit(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        var did = Params.did(request, "did");
        return Mono.fromCallable(() -> {
            AccountState s = Repos.available(relay, did);
            return Map.of("cid", s.commit().toString(), "rev", s.rev().value());
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
