package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.repo.RepoAccess;
import dev.skein.pds.repo.RepoReader;
import dev.skein.pds.repo.StoredRecord;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcParams;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.getRecord}: a current record of a repository served here (with {@code cid}, only
 * if that is its current version). A missing record is 400 {@code RecordNotFound}; a repository not served
 * here (unknown, deactivated, taken down) is 400 "Could not locate record", as from a reference PDS without
 * an AppView to ask.
 */
@Component
public final class GetRecord implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Repo.GET_RECORD;

    private final RepoAccess access;
    private final RepoReader reader;

    public GetRecord(RepoAccess access, RepoReader reader) {
        this.access = access;
        this.reader = reader;
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
        XrpcParams params = request.params();
        String repo = params.requireString("repo");
        Nsid collection = ReadParams.collection(params);
        RecordKey rkey = ReadParams.rkey(params.requireString("rkey"), "rkey");
        Optional<Cid> cid = params.string("cid").map(ReadParams::cid);
        Account account = access.find(repo).filter(a -> a.status().active())
                .orElseThrow(() -> XrpcException.invalidRequest("Could not locate record"));
        AtUri uri = AtUri.of(account.did(), collection, rkey);
        StoredRecord record = reader.record(account.did(), collection, rkey)
                .filter(r -> cid.isEmpty() || cid.get().equals(r.cid()))
                .orElseThrow(() -> XrpcException.badRequest("RecordNotFound", "Could not locate record: " + uri));
        return XrpcResponse.json(MapValue.builder()
                .put("uri", uri.toString())
                .put("cid", record.cid().toString())
                .put("value", record.value())
                .build());
    }
}
