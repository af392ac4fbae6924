package dev.skein.relay.xrpc.admin;

import dev.skein.relay.Relay;
import dev.skein.relay.web.JsonBodies;
import dev.skein.relay.web.XrpcMethod;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code dev.skein.relay.admin.banHost {hostname}}: disconnects a host and refuses it from now on. */
public final class BanHost implements XrpcMethod {
    public static final String NSID = "dev.skein.relay.admin.banHost";
    private final Relay relay;

    public BanHost(Relay relay) {
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
        return JsonBodies.read(request).publishOn(Schedulers.boundedElastic())
                .doOnNext(b -> relay.hosts().ban(HostAdmin.host(b)))
                .then(ServerResponse.ok().build());
    }
}
