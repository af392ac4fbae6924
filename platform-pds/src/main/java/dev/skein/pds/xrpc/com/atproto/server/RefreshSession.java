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

/** {@code com.atproto.server.refreshSession}: a new token pair for a refresh token (rotated, with a grace period). */
@Component
public final class RefreshSession implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.REFRESH_SESSION;

    private final AccountSessions sessions;

    public RefreshSession(AccountSessions sessions) {
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
        return AuthRequirement.REFRESH;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        AccountSessions.Login login = sessions.refresh(request.credentials(RefreshCredentials.class));
        return XrpcResponse.json(SessionViews.session(login.account(), login.session()));
    }
}
