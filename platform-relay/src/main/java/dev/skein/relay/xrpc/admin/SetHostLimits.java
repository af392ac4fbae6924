package dev.skein.relay.xrpc.admin;

import dev.skein.core.data.MapValue;
import dev.skein.relay.Relay;
import dev.skein.relay.host.Host;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/**
 * {@code dev.skein.relay.admin.setHostLimits {hostname, accountLimit, eventsPerSecond}}: changes how many accounts
 * a host may bring and how many events a second it may send.
 */
public final class SetHostLimits extends HostAdmin {
    public static final String NSID = "dev.skein.relay.admin.setHostLimits";
    private final Relay relay;

    public SetHostLimits(Relay relay) {
        super(NSID);
        this.relay = relay;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        Host host = host(request);
        MapValue in = request.body();
        Long accountLimit = integer(in, "accountLimit");
        Long eventsPerSecond = integer(in, "eventsPerSecond");
        if (accountLimit == null || eventsPerSecond == null || accountLimit < 0 || eventsPerSecond < 1
                || eventsPerSecond > Integer.MAX_VALUE) {
            throw XrpcException.invalidRequest("accountLimit (>= 0) and eventsPerSecond (>= 1) are required integers");
        }
        var r = relay.hosts().setLimits(host, accountLimit, eventsPerSecond.intValue())
                .orElseThrow(() -> new XrpcException(404, "HostNotFound", "Host not found: " + host));
        return XrpcResponse.json(MapValue.builder().put("hostname", r.host().value())
                .put("accountLimit", r.accountLimit()).put("eventsPerSecond", r.eventsPerSecond()).build());
    }
}
