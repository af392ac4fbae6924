package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountSessions;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.getSession}: the account behind an access token. */
@Component
public final class GetSession implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.GET_SESSION;

    private final AccountSessions sessions;

    public GetSession(AccountSessions sessions) {
        this.sessions = sessions;
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
    public AuthRequirement auth() {
        return AuthRequirement.ACCESS;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        AccessCredentials who = request.credentials(AccessCredentials.class);
        return XrpcResponse.json(SessionViews.account(MapValue.builder(), sessions.account(who.did()), who.scope()).build());
    }
}
