package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountSessions;
import dev.skein.pds.auth.RefreshCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.deleteSession}: log out, revoking the refresh token (an expired one too). */
@Component
public final class DeleteSession implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.DELETE_SESSION;

    private final AccountSessions sessions;

    public DeleteSession(AccountSessions sessions) {
        this.sessions = sessions;
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
        return AuthRequirement.REFRESH_ALLOW_EXPIRED;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        sessions.logout(request.credentials(RefreshCredentials.class));
        return XrpcResponse.empty();
    }
}
