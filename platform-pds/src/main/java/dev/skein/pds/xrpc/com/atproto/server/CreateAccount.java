package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountCreation;
import dev.skein.pds.auth.AdminCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.server.createAccount}: a new account with a new did:plc, or (administrator only) an
 * account for a did:web; see {@link AccountCreation}. Answers the first session.
 */
@Component
public final class CreateAccount implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.CREATE_ACCOUNT;

    private final AccountCreation creation;

    public CreateAccount(AccountCreation creation) {
        this.creation = creation;
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
        return AuthRequirement.OPTIONAL_ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        MapValue in = request.body();
        AccountCreation.Created created = creation.create(new AccountCreation.Request(
                in.getString("handle").orElseThrow(),
                in.getString("email"),
                in.getString("password"),
                in.getString("inviteCode"),
                in.getString("did"),
                in.getString("recoveryKey"),
                in.containsKey("plcOp"),
                request.credentials() == AdminCredentials.INSTANCE));
        return XrpcResponse.json(MapValue.builder()
                .put("accessJwt", created.session().accessJwt())
                .put("refreshJwt", created.session().refreshJwt())
                .put("handle", created.handle().value())
                .put("did", created.did().value())
                .build());
    }
}
