package dev.skein.pds.xrpc.com.atproto.server;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.PdsProperties;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code com.atproto.server.describeServer}: the service DID, handle domains and sign-up rules. Relays use it as a liveness check. */
@Component
public final class DescribeServer implements XrpcMethod {
    public static final Nsid NSID = ComAtproto.Server.DESCRIBE_SERVER;

    private final MapValue description;

    public DescribeServer(PdsProperties properties) {
        this.description = MapValue.builder()
                .put("did", properties.serviceDid())
                .put("availableUserDomains", new ArrayValue(properties.handleDomains().stream()
                        .<DataValue>map(StringValue::new).toList()))
                .put("inviteCodeRequired", properties.inviteRequired())
                .put("phoneVerificationRequired", false)
                .put("blobUploadLimit", properties.blobUploadLimit())
                .build();
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
    public Mono<XrpcResponse> handle(XrpcRequest request) {
        return Mono.just(XrpcResponse.json(description));
    }
}
