package dev.skein.relay.xrpc.sync;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/** {@code com.atproto.sync.getLatestCommit}: the last commit the relay verified for an account. */
public final class GetLatestCommit implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_LATEST_COMMIT;
    private final Relay relay;

    public GetLatestCommit(Relay relay) {
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
        AccountState s = Repos.available(relay, Repos.did(request));
        return XrpcResponse.json(MapValue.builder().put("cid", s.commit().toString()).put("rev", s.rev().value()).build());
    }
}
