package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.host.Host;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.sync.getHostStatus}: one upstream host's cursor, account count and status. */
public final class GetHostStatus implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.GET_HOST_STATUS.value();
    private final Relay relay;

    public GetHostStatus(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        String hostname = Params.required(request, "hostname");
        return Mono.fromCallable(() -> {
            Host host;
            try {
                host = Host.parse(hostname);
            } catch (IllegalArgumentException e) {
                throw XrpcError.invalidRequest("hostname: " + e.getMessage());
            }
            HostRecord r = relay.hosts().status(host)
                    .orElseThrow(() -> new XrpcError(404, "HostNotFound", "Host not found: " + host));
            return view(relay, r);
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }

    /** The {@code #host} shape of listHosts and getHostStatus. */
    static Map<String, Object> view(Relay relay, HostRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", r.host().value());
        m.put("seq", r.cursor());
        m.put("accountCount", relay.processor().accounts().countOnHost(r.host()));
        m.put("status", r.status().wire());
        return m;
    }
}
