package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/** {@code com.atproto.admin.getSubjectStatus}: whether an account is taken down or deactivated (records and blobs: not yet). */
@Component
public final class GetSubjectStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.GET_SUBJECT_STATUS;

    private final AccountStore accounts;

    public GetSubjectStatus(AccountStore accounts) {
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
        if (request.params().string("did").isEmpty()) {
            throw XrpcException.invalidRequest("Only account subjects (did) are supported");
        }
        Account a = AdminViews.find(accounts, Did.parse(request.params().requireString("did")));
        MapValue.Builder takedown = MapValue.builder().put("applied", AdminViews.takenDown(a));
        a.takedownRef().ifPresent(ref -> takedown.put("ref", ref));
        return XrpcResponse.json(MapValue.builder()
                .put("subject", AdminViews.repoRef(a.did()))
                .put("takedown", takedown.build())
                .put("deactivated", AdminViews.statusAttr(a.status() == AccountStatus.DEACTIVATED))
                .build());
    }
}
