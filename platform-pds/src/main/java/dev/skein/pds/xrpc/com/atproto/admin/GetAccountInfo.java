package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.admin.getAccountInfo}: one account as the administrator sees it. */
@Component
public final class GetAccountInfo implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.GET_ACCOUNT_INFO;

    private final AccountStore accounts;

    public GetAccountInfo(AccountStore accounts) {
        this.accounts = accounts;
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
        return AuthRequirement.ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        Did did = Did.parse(request.params().requireString("did"));
        return XrpcResponse.json(AdminViews.account(AdminViews.find(accounts, did)));
    }
}
