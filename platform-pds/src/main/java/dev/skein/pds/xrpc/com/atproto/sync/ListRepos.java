package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.sync.HostedRepos;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.listRepos}: every repository hosted here, in DID order, with its current commit
 * and whether its account is active; the cursor is the last DID of a full page.
 */
@Component
public final class ListRepos implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.LIST_REPOS;
    static final int DEFAULT_LIMIT = 500;

    private final HostedRepos repos;

    public ListRepos(HostedRepos repos) {
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
        int limit = request.params().integer("limit").map(Long::intValue).orElse(DEFAULT_LIMIT);
        HostedRepos.Listing page = repos.list(request.params().string("cursor"), limit);
        MapValue.Builder out = MapValue.builder().put("repos", new ArrayValue(page.repos().stream()
                .<DataValue>map(r -> MapValue.builder()
                        .put("did", r.did().value())
                        .put("head", r.head().toString())
                        .put("rev", r.rev().value())
                        .put("active", r.status().active())
                        .putIfPresent("status", r.status().eventStatus().map(StringValue::new).orElse(null))
                        .build())
                .toList()));
        page.cursor().ifPresent(c -> out.put("cursor", c));
        return XrpcResponse.json(out.build());
    }
}
