package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.activateAccount}: the owner reactivates a deactivated account. */
@Component
public final class ActivateAccount implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.ACTIVATE_ACCOUNT;

    private final AccountLifecycle lifecycle;

    public ActivateAccount(AccountLifecycle lifecycle) {
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
    public Input input() {
        return Input.NONE;
    }

    @Override
    public AuthRequirement auth() {
        return AuthRequirement.ACCESS_FULL;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        lifecycle.activate(request.credentials(AccessCredentials.class).did());
        return XrpcResponse.empty();
    }
}
