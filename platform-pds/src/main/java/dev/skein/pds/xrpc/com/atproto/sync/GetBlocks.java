package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.auth.AdminCredentials;
import dev.skein.pds.sync.HostedRepos;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code com.atproto.sync.getBlocks}: blocks of a repository by CID, as a CAR with no roots. */
@Component
public final class GetBlocks implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_BLOCKS;

    private final HostedRepos repos;

    public GetBlocks(HostedRepos repos) {
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
        List<Cid> cids = request.params().strings("cids").stream().map(GetBlocks::cid).toList();
        return XrpcResponse.bytes(repos.blocks(repo, cids), HostedRepos.CAR);
    }

    private static Cid cid(String s) {
        try {
            return Cid.parse(s);
        } catch (InvalidCidException e) {
            throw XrpcException.invalidRequest("Not a CID: " + s);
        }
    }
}
