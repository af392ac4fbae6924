package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.auth.AdminCredentials;
import dev.skein.pds.sync.HostedRepos;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.getRecord}: a CAR proving that a record is, or is not, in the repository at its
 * current commit (the commit, the MST nodes down to the key, the record). As in the reference PDS, a
 * missing record is answered with its proof of absence rather than {@code RecordNotFound}.
 */
@Component
public final class GetRecord implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_RECORD;

    private final HostedRepos repos;

    public GetRecord(HostedRepos repos) {
        this.repos = repos;
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
        return AuthRequirement.OPTIONAL_ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        HostedRepos.Hosted repo = repos.require(Did.parse(request.params().requireString("did")),
                request.credentials() == AdminCredentials.INSTANCE);
        String path = request.params().requireString("collection") + "/" + request.params().requireString("rkey");
        return XrpcResponse.bytes(repos.recordProof(repo, path), HostedRepos.CAR);
    }
}
