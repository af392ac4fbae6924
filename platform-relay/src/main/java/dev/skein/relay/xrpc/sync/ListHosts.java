package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.host.Host;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.sync.listHosts}: the relay's upstream hosts, in hostname order. */
public final class ListHosts implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.LIST_HOSTS.value();
    private final Relay relay;

    public ListHosts(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        int limit = Params.limit(request, "limit", 1, 1000, 200);
        Host after = Params.optional(request, "cursor").map(c -> {
            try {
                return Host.parse(c);
            } catch (IllegalArgumentException e) {
                throw XrpcError.invalidRequest("malformed cursor");
            }
        }).orElse(null);
        return Mono.fromCallable(() -> {
            List<HostRecord> page = relay.hosts().list(after, limit);
            Map<String, Object> body = new LinkedHashMap<>();
            if (page.size() == limit) {
                body.put("cursor", page.getLast().host().value());
            }
            body.put("hosts", page.stream().map(h -> GetHostStatus.view(relay, h)).toList());
            return body;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
