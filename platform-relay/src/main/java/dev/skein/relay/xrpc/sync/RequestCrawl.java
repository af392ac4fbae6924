package dev.skein.relay.xrpc.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.upstream.CrawlException;
import dev.skein.relay.web.AdminAuth;
import dev.skein.relay.web.JsonBodies;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code com.atproto.sync.requestCrawl}: a PDS asks the relay to subscribe to it. The host check and the
 * subscription happen before the answer; the operator (admin credential) may also crawl local hosts.
 */
public final class RequestCrawl implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.REQUEST_CRAWL.value();
    private final Relay relay;
    private final AdminAuth admin;

    public RequestCrawl(Relay relay, AdminAuth admin) {
        this.relay = relay;
        this.admin = admin;
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
    public Mono<ServerResponse> handle(ServerRequest request) {
        boolean isAdmin = admin.allows(request.exchange().getRequest());
        return JsonBodies.read(request).map(b -> JsonBodies.string(b, "hostname"))
                .publishOn(Schedulers.boundedElastic())
                .map(hostname -> {
                    try {
                        return relay.hosts().requestCrawl(hostname, isAdmin);
                    } catch (CrawlException e) {
                        throw new XrpcError(e.reason().status(), e.reason().error(), e.getMessage());
                    }
                })
                .then(ServerResponse.ok().build());
    }
}
