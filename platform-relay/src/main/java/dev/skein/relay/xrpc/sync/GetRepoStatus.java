package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.sync.getRepoStatus}: an account's status at the relay, and its last rev when active. */
public final class GetRepoStatus implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.GET_REPO_STATUS.value();
    private final Relay relay;

    public GetRepoStatus(Relay relay) {
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
            AccountState s = Repos.find(relay, did);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("did", did.value());
            body.put("active", s.active());
            if (!s.active()) {
                body.put("status", s.status().wire());
            }
            if (s.active() && s.hasCommit()) {
                body.put("rev", s.rev().value());
            }
            return body;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
