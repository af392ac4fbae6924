package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountIdentity;
import dev.skein.pds.account.AccountSessions;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.repo.RepoRoot;
import dev.skein.pds.repo.RepoStore;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.server.checkAccountStatus}: whether the account is active, whether its DID document
 * points here with its key, and the size of its repository. Blobs are not stored yet, so they count zero.
 */
@Component
public final class CheckAccountStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.CHECK_ACCOUNT_STATUS;

    private final AccountSessions sessions;
    private final AccountIdentity identity;
    private final RepoStore repos;

    public CheckAccountStatus(AccountSessions sessions, AccountIdentity identity, RepoStore repos) {
        this.sessions = sessions;
        this.identity = identity;
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
        return AuthRequirement.ACCESS;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        Did did = request.credentials(AccessCredentials.class).did();
        Account account = sessions.account(did);
        RepoRoot root = repos.root(did).orElseThrow(() -> XrpcException.internal(new IllegalStateException("no repository for " + did)));
        return XrpcResponse.json(MapValue.builder()
                .put("activated", account.status().active())
                .put("validDid", identity.hasValidDid(did))
                .put("repoCommit", root.commit().toString())
                .put("repoRev", root.rev().value())
                .put("repoBlocks", repos.blockCount(did))
                .put("indexedRecords", repos.recordCount(did))
                .put("privateStateValues", 0)
                .put("expectedBlobs", 0)
                .put("importedBlobs", 0)
                .build());
    }
}
