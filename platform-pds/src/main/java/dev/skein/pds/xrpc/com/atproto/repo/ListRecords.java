package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.listRecords}: a page of a collection, by record key descending ({@code reverse}:
 * ascending), {@code limit} 1 to 100 (default 50). The cursor is the last key of a full page; a cursor
 * that is not a record key is 400.
 */
@Component
public final class ListRecords implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Repo.LIST_RECORDS;
    static final int DEFAULT_LIMIT = 50;

    private final RepoAccess access;
    private final RepoReader reader;

    public ListRecords(RepoAccess access, RepoReader reader) {
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
        int limit = params.integer("limit").orElse((long) DEFAULT_LIMIT).intValue();
        Optional<RecordKey> cursor = params.string("cursor").map(c -> ReadParams.rkey(c, "cursor"));
        boolean reverse = params.bool("reverse").orElse(false);
        Account account = access.find(repo).filter(a -> a.status().active())
                .orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + repo));
        List<StoredRecord> records = reader.list(account.did(), collection, limit, cursor, reverse);
        List<DataValue> out = new ArrayList<>(records.size());
        for (StoredRecord r : records) {
            out.add(MapValue.builder().put("uri", r.uri()).put("cid", r.cid()).put("value", reader.value(r)).build());
        }
        MapValue.Builder b = MapValue.builder();
        if (records.size() == limit) {
            b.put("cursor", records.getLast().rkey());
        }
        return XrpcResponse.json(b.put("records", new ArrayValue(out)).build());
    }
}
