package dev.skein.relay.xrpc.admin;

import dev.skein.relay.Relay;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/** {@code dev.skein.relay.admin.banHost {hostname}}: disconnects a host and refuses it from now on. */
public final class BanHost extends HostAdmin {
    public static final String NSID = "dev.skein.relay.admin.banHost";
    private final Relay relay;

    public BanHost(Relay relay) {
        super(NSID);
        this.relay = relay;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        relay.hosts().ban(host(request));
        return XrpcResponse.empty();
    }
}
