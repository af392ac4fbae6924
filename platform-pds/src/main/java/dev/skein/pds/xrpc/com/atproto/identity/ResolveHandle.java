package dev.skein.pds.xrpc.com.atproto.identity;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountIdentity;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.identity.resolveHandle}: the DID of a handle here, or of one elsewhere by DNS or HTTPS. */
@Component
public final class ResolveHandle implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Identity.RESOLVE_HANDLE;

    private final AccountIdentity identity;

    public ResolveHandle(AccountIdentity identity) {
        this.identity = identity;
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
        Handle handle;
        try {
            handle = Handle.parse(request.params().requireString("handle"));
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("handle must be a valid handle");
        }
        return XrpcResponse.json(MapValue.builder().put("did", identity.resolveHandle(handle).value()).build());
    }
}
