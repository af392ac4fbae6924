package dev.skein.relay.xrpc.sync;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.ArrayList;
import java.util.List;

/** {@code com.atproto.sync.listRepos}: the accounts the relay has seen a commit of, in DID order. */
public final class ListRepos implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.LIST_REPOS;
    /** The lexicon's default page size. */
    static final int DEFAULT_LIMIT = 500;
    private final Relay relay;

    public ListRepos(Relay relay) {
        this.relay = relay;
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
        // The lexicon bounds the limit to [1, 1000] and supplies its default.
        int limit = request.params().integer("limit").map(Long::intValue).orElse(DEFAULT_LIMIT);
        Did after = request.params().string("cursor").filter(c -> !c.isEmpty()).map(c -> {
            try {
                return Did.parse(c);
            } catch (InvalidSyntaxException e) {
                throw XrpcException.invalidRequest("malformed cursor");
            }
        }).orElse(null);
        List<AccountState> page = relay.accountStore().list(after, limit);
        List<DataValue> repos = new ArrayList<>();
        for (AccountState stored : page) {
            // The row may lag behind the account's last commit (written at the next checkpoint): prefer memory.
            AccountState loaded = relay.processor().accounts().peek(stored.did());
            AccountState s = loaded != null ? loaded : stored;
            if (!s.hasCommit()) {
                continue; // head and rev are required: an account without a verified commit is not listed
            }
            MapValue.Builder r = MapValue.builder()
                    .put("did", s.did().value())
                    .put("head", s.commit().toString())
                    .put("rev", s.rev().value())
                    .put("active", s.active());
            if (!s.active()) {
                r.put("status", s.status().wire());
            }
            repos.add(r.build());
        }
        MapValue.Builder body = MapValue.builder();
        if (page.size() == limit) {
            body.put("cursor", page.getLast().did().value());
        }
        body.put("repos", new ArrayValue(repos));
        return XrpcResponse.json(body.build());
    }
}
