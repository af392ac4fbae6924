package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.Tid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.auth.AdminCredentials;
import dev.skein.pds.sync.HostedRepos;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.getRepo}: the repository as a CAR, streamed; with {@code since}, only the blocks
 * added after that revision (the root is still the current commit).
 */
@Component
public final class GetRepo implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_REPO;

    private final HostedRepos repos;

    public GetRepo(HostedRepos repos) {
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
        var chunks = request.params().string("since")
                .map(since -> repos.exportSince(repo, Tid.parse(since)))
                .orElseGet(() -> repos.export(repo));
        return new XrpcResponse.Streamed(chunks, HostedRepos.CAR);
    }
}
