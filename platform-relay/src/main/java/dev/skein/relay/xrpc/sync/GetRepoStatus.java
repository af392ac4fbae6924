package dev.skein.relay.xrpc.sync;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/** {@code com.atproto.sync.getRepoStatus}: an account's status at the relay, and its last rev when active. */
public final class GetRepoStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_REPO_STATUS;
    private final Relay relay;

    public GetRepoStatus(Relay relay) {
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
        Did did = Repos.did(request);
        AccountState s = Repos.find(relay, did);
        MapValue.Builder body = MapValue.builder().put("did", did.value()).put("active", s.active());
        if (!s.active()) {
            body.put("status", s.status().wire());
        }
        if (s.active() && s.hasCommit()) {
            body.put("rev", s.rev().value());
        }
        return XrpcResponse.json(body.build());
    }
}
