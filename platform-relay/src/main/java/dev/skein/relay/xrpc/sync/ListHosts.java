package dev.skein.relay.xrpc.sync;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
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
import java.util.List;

/** {@code com.atproto.sync.listHosts}: the relay's upstream hosts, in hostname order. */
public final class ListHosts implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.LIST_HOSTS;
    /** The lexicon's default page size. */
    static final int DEFAULT_LIMIT = 200;
    private final Relay relay;

    public ListHosts(Relay relay) {
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
        // The lexicon bounds the limit to [1, 1000] and supplies its default.
        int limit = request.params().integer("limit").map(Long::intValue).orElse(DEFAULT_LIMIT);
        Host after = request.params().string("cursor").filter(c -> !c.isEmpty()).map(c -> {
            try {
                return Host.parse(c);
            } catch (IllegalArgumentException e) {
                throw XrpcException.invalidRequest("malformed cursor");
            }
        }).orElse(null);
        List<HostRecord> page = relay.hosts().list(after, limit);
        MapValue.Builder body = MapValue.builder();
        if (page.size() == limit) {
            body.put("cursor", page.getLast().host().value());
        }
        body.put("hosts", new ArrayValue(page.stream().<DataValue>map(h -> GetHostStatus.view(relay, h)).toList()));
        return XrpcResponse.json(body.build());
    }
}
