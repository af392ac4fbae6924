package dev.skein.relay.xrpc.sync;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.host.Host;
import dev.skein.relay.store.HostRecord;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/** {@code com.atproto.sync.getHostStatus}: one upstream host's cursor, account count and status. */
public final class GetHostStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_HOST_STATUS;
    private final Relay relay;

    public GetHostStatus(Relay relay) {
        this.relay = relay;
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Kind kind() {
        return Kind.QUERY;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        String hostname = request.params().requireString("hostname");
        Host host;
        try {
            host = Host.parse(hostname);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("hostname: " + e.getMessage());
        }
        HostRecord r = relay.hosts().status(host)
                .orElseThrow(() -> new XrpcException(404, "HostNotFound", "Host not found: " + host));
        return XrpcResponse.json(view(relay, r));
    }

    /** The {@code #host} shape of listHosts and getHostStatus. */
    static MapValue view(Relay relay, HostRecord r) {
        return MapValue.builder()
                .put("hostname", r.host().value())
                .put("seq", r.cursor())
                .put("accountCount", relay.processor().accounts().countOnHost(r.host()))
                .put("status", r.status().wire())
                .build();
    }
}
