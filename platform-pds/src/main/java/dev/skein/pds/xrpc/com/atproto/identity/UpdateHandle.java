package dev.skein.pds.xrpc.com.atproto.identity;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountIdentity;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.identity.updateHandle}: a new handle, published to the PLC directory and announced with {@code #identity}. */
@Component
public final class UpdateHandle implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Identity.UPDATE_HANDLE;

    private final AccountIdentity identity;

    public UpdateHandle(AccountIdentity identity) {
        this.identity = identity;
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
        return AuthRequirement.ACCESS_PRIVILEGED;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        identity.updateHandle(request.credentials(AccessCredentials.class).did(), request.body().getString("handle").orElseThrow());
        return XrpcResponse.empty();
    }
}
