package dev.skein.relay.xrpc.admin;

import dev.skein.relay.Relay;
import dev.skein.relay.web.JsonBodies;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code dev.skein.relay.admin.setHostLimits {hostname, accountLimit, eventsPerSecond}}: changes how many accounts
 * a host may bring and how many events a second it may send.
 */
public final class SetHostLimits implements XrpcMethod {
    public static final String NSID = "dev.skein.relay.admin.setHostLimits";
    private final Relay relay;

    public SetHostLimits(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public HttpMethod httpMethod() {
        return HttpMethod.POST;
    }

    @Override
    public boolean admin() {
        return true;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return JsonBodies.read(request).publishOn(Schedulers.boundedElastic()).map(b -> {
            var host = HostAdmin.host(b);
            if (!b.path("accountLimit").canConvertToLong() || !b.path("eventsPerSecond").canConvertToInt()
                    || b.path("accountLimit").asLong() < 0 || b.path("eventsPerSecond").asInt() < 1) {
                throw XrpcError.invalidRequest("accountLimit (>= 0) and eventsPerSecond (>= 1) are required integers");
            }
            var r = relay.hosts().setLimits(host, b.path("accountLimit").asLong(), b.path("eventsPerSecond").asInt())
                    .orElseThrow(() -> new XrpcError(404, "HostNotFound", "Host not found: " + host));
            return Map.<String, Object>of("hostname", r.host().value(), "accountLimit", r.accountLimit(),
                    "eventsPerSecond", r.eventsPerSecond());
        }).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
