package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.admin.deleteAccount}: the administrator deletes an account. */
@Component
public final class DeleteAccount implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.DELETE_ACCOUNT;

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
    public AuthRequirement auth() {
        return AuthRequirement.ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        lifecycle.delete(Did.parse(request.body().getString("did").orElseThrow()));
        return XrpcResponse.empty();
    }
}
