package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.deactivateAccount}: the owner pauses the account (optionally noting {@code deleteAfter}). */
@Component
public final class DeactivateAccount implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.DEACTIVATE_ACCOUNT;

    private final AccountLifecycle lifecycle;

    public DeactivateAccount(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
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
        return AuthRequirement.ACCESS_FULL;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        lifecycle.deactivate(request.credentials(AccessCredentials.class).did(),
                request.body().getString("deleteAfter").map(d -> Datetime.parse(d).toInstant()));
        return XrpcResponse.empty();
    }
}
