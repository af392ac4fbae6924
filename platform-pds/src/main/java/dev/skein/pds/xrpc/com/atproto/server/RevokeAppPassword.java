package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AppPasswords;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.revokeAppPassword}: deletes an app password and ends the sessions made with it. */
@Component
public final class RevokeAppPassword implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.REVOKE_APP_PASSWORD;

    private final AppPasswords appPasswords;

    public RevokeAppPassword(AppPasswords appPasswords) {
        this.appPasswords = appPasswords;
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
        appPasswords.revoke(request.credentials(AccessCredentials.class).did(), request.body().getString("name").orElseThrow());
        return XrpcResponse.empty();
    }
}
