package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code com.atproto.repo.listMissingBlobs}: blobs records reference that this PDS lacks. A record can only
 * reference a blob its account uploaded here, and repository import is not supported, so there are none.
 */
@Component
public final class ListMissingBlobs implements XrpcMethod {
    public static final Nsid NSID = ComAtproto.Repo.LIST_MISSING_BLOBS;

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
    public Mono<XrpcResponse> handle(XrpcRequest request) {
        return Mono.just(XrpcResponse.json(MapValue.builder().put("blobs", ArrayValue.EMPTY).build()));
    }
}
