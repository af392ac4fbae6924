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

/**
 * {@code com.atproto.server.requestAccountDelete}: issues the one-time token {@code deleteAccount} needs
 * and hands it to the PDS's token delivery (there is no email: see {@code AccountTokenDelivery}).
 */
@Component
public final class RequestAccountDelete implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.REQUEST_ACCOUNT_DELETE;

    private final AccountLifecycle lifecycle;

    public RequestAccountDelete(AccountLifecycle lifecycle) {
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
        lifecycle.requestDelete(request.credentials(AccessCredentials.class).did());
        return XrpcResponse.empty();
    }
}
