package dev.skein.relay.xrpc.sync;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.upstream.CrawlException;
import dev.skein.relay.web.RelayAuth;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/**
 * {@code com.atproto.sync.requestCrawl}: a PDS asks the relay to subscribe to it. The host check and the
 * subscription happen before the answer; the operator (admin credential, optional here) may also crawl local hosts.
 */
public final class RequestCrawl implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.REQUEST_CRAWL;
    private final Relay relay;

    public RequestCrawl(Relay relay) {
        this.relay = relay;
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Kind kind() {
        return Kind.PROCEDURE;
    }

    @Override
    public AuthRequirement auth() {
        return AuthRequirement.OPTIONAL_ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        String hostname = request.body().getString("hostname").orElseThrow(); // required by the lexicon
        try {
            relay.hosts().requestCrawl(hostname, RelayAuth.isAdmin(request.credentials()));
        } catch (CrawlException e) {
            throw new XrpcException(e.reason().status(), e.reason().error(), e.getMessage());
        }
        return XrpcResponse.empty();
    }
}
