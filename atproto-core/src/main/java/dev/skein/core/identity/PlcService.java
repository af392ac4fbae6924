package dev.skein.core.identity;

import dev.skein.core.data.MapValue;
import java.util.Objects;

/**
 * A service entry of a did:plc operation: {@code {"type": …, "endpoint": …}}, keyed in the operation by its
 * id without {@code #} (for atproto, {@code atproto_pds} of type {@code AtprotoPersonalDataServer}).
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>.
 */
public record PlcService(String type, String endpoint) {
    /** The service id of an account's PDS. */
    public static final String ATPROTO_PDS = "atproto_pds";
    /** The service type of an account's PDS. */
    public static final String PDS_TYPE = "AtprotoPersonalDataServer";

    public PlcService {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** A PDS entry for {@code endpoint} ({@code https://host[:port]}). */
    public static PlcService pds(String endpoint) {
        return new PlcService(PDS_TYPE, endpoint);
    }

    MapValue toValue() {
        return MapValue.builder().put("type", type).put("endpoint", endpoint).build();
    }
}
