package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.BoolValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AppPasswords;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.createAppPassword}: a new app password, shown once. Needs a full (password) session. */
@Component
public final class CreateAppPassword implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.CREATE_APP_PASSWORD;

    private final AppPasswords appPasswords;

    public CreateAppPassword(AppPasswords appPasswords) {
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
        MapValue in = request.body();
        AppPasswords.Created created = appPasswords.create(request.credentials(AccessCredentials.class).did(),
                in.getString("name").orElseThrow(), in.get("privileged") instanceof BoolValue b && b.value());
        return XrpcResponse.json(MapValue.builder()
                .put("name", created.name())
                .put("password", created.password())
                .put("createdAt", Datetime.of(created.createdAt()).value())
                .put("privileged", created.privileged())
                .build());
    }
}
