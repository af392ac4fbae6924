package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code com.atproto.admin.getAccountInfos}: several accounts; DIDs not hosted here are left out. */
@Component
public final class GetAccountInfos implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.GET_ACCOUNT_INFOS;
    /** Most DIDs in one call. */
    static final int MAX_DIDS = 100;

    private final AccountStore accounts;

    public GetAccountInfos(AccountStore accounts) {
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
        List<String> raw = request.params().strings("dids");
        if (raw.size() > MAX_DIDS) {
            throw XrpcException.invalidRequest("At most " + MAX_DIDS + " DIDs at once");
        }
        List<Did> dids = raw.stream().map(Did::parse).distinct().toList();
        List<DataValue> infos = accounts.find(dids).stream().<DataValue>map(AdminViews::account).toList();
        return XrpcResponse.json(MapValue.builder().put("infos", new ArrayValue(infos)).build());
    }
}
