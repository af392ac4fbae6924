package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.AtIdentifier;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.repo.RepoReader;
import dev.skein.pds.repo.RepoReader.RecordLookup;
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

    private final RepoReader reader;

    public GetRecord(RepoReader reader) {
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

    /** One query answers both whether the repository is served and what its record is ({@link RepoReader#lookup}). */
    @Override
    public XrpcResponse call(XrpcRequest request) {
        XrpcParams params = request.params();
        String repo = params.requireString("repo");
        Nsid collection = ReadParams.collection(params);
        RecordKey rkey = ReadParams.rkey(params.requireString("rkey"), "rkey");
        Optional<String> cid = params.string("cid").map(c -> ReadParams.cid(c).toString());
        RecordLookup found = identifier(repo).flatMap(id -> reader.lookup(id, collection, rkey))
                .filter(lookup -> lookup.status().active())
                .orElseThrow(() -> XrpcException.invalidRequest("Could not locate record"));
        StoredRecord record = found.record()
                .filter(r -> cid.isEmpty() || cid.get().equals(r.cid()))
                .orElseThrow(() -> XrpcException.badRequest("RecordNotFound",
                        "Could not locate record: " + AtUri.of(found.did(), collection, rkey)));
        return XrpcResponse.json(MapValue.builder()
                .put("uri", record.uri())
                .put("cid", record.cid())
                .put("value", reader.value(record))
                .build());
    }

    private static Optional<AtIdentifier> identifier(String repo) {
        try {
            return Optional.of(AtIdentifier.parse(repo));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
