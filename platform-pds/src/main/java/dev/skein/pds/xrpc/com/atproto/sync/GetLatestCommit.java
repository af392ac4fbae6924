package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.data.MapValue;
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

/** {@code com.atproto.sync.getLatestCommit}: the CID and rev of the repository's current commit. */
@Component
public final class GetLatestCommit implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_LATEST_COMMIT;

    private final HostedRepos repos;

    public GetLatestCommit(HostedRepos repos) {
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
        return XrpcResponse.json(MapValue.builder()
                .put("cid", repo.root().commit().toString())
                .put("rev", repo.root().rev().value())
                .build());
    }
}
