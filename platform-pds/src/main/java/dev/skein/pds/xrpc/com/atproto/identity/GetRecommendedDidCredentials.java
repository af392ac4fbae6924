package dev.skein.pds.xrpc.com.atproto.identity;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.identity.PlcState;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountIdentity;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.identity.getRecommendedDidCredentials}: what the account's DID document should hold
 * for this PDS to host it (for a did:web account, what its administrator publishes).
 */
@Component
public final class GetRecommendedDidCredentials implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Identity.GET_RECOMMENDED_DID_CREDENTIALS;

    private final AccountIdentity identity;

    public GetRecommendedDidCredentials(AccountIdentity identity) {
        this.identity = identity;
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
        PlcState s = identity.recommendedCredentials(request.credentials(AccessCredentials.class).did());
        MapValue.Builder methods = MapValue.builder();
        s.verificationMethods().forEach(methods::put);
        MapValue.Builder services = MapValue.builder();
        s.services().forEach((id, svc) -> services.put(id, MapValue.builder()
                .put("type", svc.type()).put("endpoint", svc.endpoint()).build()));
        return XrpcResponse.json(MapValue.builder()
                .put("rotationKeys", strings(s.rotationKeys()))
                .put("alsoKnownAs", strings(s.alsoKnownAs()))
                .put("verificationMethods", methods.build())
                .put("services", services.build())
                .build());
    }

    private static ArrayValue strings(List<String> values) {
        return new ArrayValue(values.stream().<DataValue>map(StringValue::new).toList());
    }
}
