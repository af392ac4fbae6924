package dev.skein.relay.xrpc.admin;

import dev.skein.core.data.BoolValue;
import dev.skein.relay.Relay;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/** {@code dev.skein.relay.admin.unbanHost {hostname, reconnect?}}: lifts a ban, reconnecting at once if asked. */
public final class UnbanHost extends HostAdmin {
    public static final String NSID = "dev.skein.relay.admin.unbanHost";
    private final Relay relay;

    public UnbanHost(Relay relay) {
        super(NSID);
        this.relay = relay;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        boolean reconnect = request.body().get("reconnect") instanceof BoolValue b && b.value();
        relay.hosts().unban(host(request), reconnect);
        return XrpcResponse.empty();
    }
}
