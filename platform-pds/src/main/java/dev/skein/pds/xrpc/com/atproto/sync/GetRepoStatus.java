package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.sync.HostedRepos;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.getRepoStatus}: whether the repository is served, and why not; its rev while it
 * is active. An unknown or deleted account is {@code RepoNotFound}.
 */
@Component
public final class GetRepoStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_REPO_STATUS;

    private final HostedRepos repos;

    public GetRepoStatus(HostedRepos repos) {
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
    public XrpcResponse call(XrpcRequest request) {
        Did did = Did.parse(request.params().requireString("did"));
        HostedRepos.Hosted repo = repos.status(did).orElseThrow(() ->
                XrpcException.badRequest("RepoNotFound", "Could not find repo for DID: " + did));
        boolean active = repo.account().status().active();
        MapValue.Builder out = MapValue.builder().put("did", did.value()).put("active", active);
        repo.account().status().eventStatus().ifPresent(s -> out.put("status", s));
        if (active) {
            out.put("rev", repo.root().rev().value());
        }
        return XrpcResponse.json(out.build());
    }
}
