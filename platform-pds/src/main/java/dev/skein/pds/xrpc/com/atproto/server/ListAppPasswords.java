package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
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

/** {@code com.atproto.server.listAppPasswords}: the account's app passwords, without the passwords. */
@Component
public final class ListAppPasswords implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.LIST_APP_PASSWORDS;

    private final AppPasswords appPasswords;

    public ListAppPasswords(AppPasswords appPasswords) {
        this.appPasswords = appPasswords;
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
        return AuthRequirement.ACCESS_FULL;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        var list = appPasswords.list(request.credentials(AccessCredentials.class).did()).stream()
                .<DataValue>map(p -> MapValue.builder()
                        .put("name", p.name())
                        .put("createdAt", Datetime.of(p.createdAt()).value())
                        .put("privileged", p.privileged())
                        .build())
                .toList();
        return XrpcResponse.json(MapValue.builder().put("passwords", new ArrayValue(list)).build());
    }
}
