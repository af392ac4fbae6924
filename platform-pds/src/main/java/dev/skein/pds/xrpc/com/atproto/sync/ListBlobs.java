package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.Tid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.repo.RepoAccess;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcParams;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.listBlobs}: the CIDs of the blobs the repository's current records reference
 * (uploads no record uses yet are not listed), ascending; with {@code since}, only those of records
 * committed after that rev. The cursor is the last CID of a full page.
 */
@Component
public final class ListBlobs implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.LIST_BLOBS;
    static final int DEFAULT_LIMIT = 500;

    private final RepoAccess access;
    private final Blobs blobs;

    public ListBlobs(RepoAccess access, Blobs blobs) {
        this.access = access;
        this.blobs = blobs;
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
        Account account = access.requireAvailable(params.requireString("did"));
        int limit = params.integer("limit").orElse((long) DEFAULT_LIMIT).intValue();
        Optional<Tid> since = params.string("since").map(s -> parse(() -> Tid.parse(s), "since must be a TID: " + s));
        Optional<Cid> cursor = params.string("cursor").map(s -> parse(() -> Cid.parse(s), "Invalid cursor: " + s));
        List<Cid> cids = blobs.referenced(account.did(), since, cursor, limit);
        MapValue.Builder b = MapValue.builder();
        if (cids.size() == limit) {
            b.put("cursor", cids.getLast().toString());
        }
        List<DataValue> out = cids.stream().<DataValue>map(c -> new StringValue(c.toString())).toList();
        return XrpcResponse.json(b.put("cids", new ArrayValue(out)).build());
    }

    private static <T> T parse(Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest(message);
        }
    }
}
