package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountSessions;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.createSession}: log in with a handle, email or DID and a password or app password. */
@Component
public final class CreateSession implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.CREATE_SESSION;

    private final AccountSessions sessions;

    public CreateSession(AccountSessions sessions) {
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
    public XrpcResponse call(XrpcRequest request) {
        MapValue in = request.body();
        AccountSessions.Login login = sessions.login(in.getString("identifier").orElseThrow(),
                in.getString("password").orElseThrow());
        return XrpcResponse.json(SessionViews.session(login.account(), login.session()));
    }
}
