package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.server.deleteAccount}: the owner deletes the account with its password and a deletion token. */
@Component
public final class DeleteAccount implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.DELETE_ACCOUNT;

    private final AccountLifecycle lifecycle;

    public DeleteAccount(AccountLifecycle lifecycle) {
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
    public XrpcResponse call(XrpcRequest request) {
        MapValue in = request.body();
        lifecycle.deleteByOwner(Did.parse(in.getString("did").orElseThrow()), in.getString("password").orElseThrow(),
                in.getString("token").orElseThrow());
        return XrpcResponse.empty();
    }
}
