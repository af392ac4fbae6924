package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.syntax.Did;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deprecated genesis format ({@code "type": "create"}). It is read and verified, never created: many
 * existing DIDs are the hash of one. Its state is that of the equivalent regular operation: rotation keys
 * {@code [recoveryKey, signingKey]}, the signing key as {@code atproto} verification method, the handle
 * as {@code at://} alias and the service as {@code atproto_pds}.
 *
 * @param signingKey the atproto signing key, a {@code did:key}
 * @param recoveryKey the higher-priority rotation key, a {@code did:key}
 * @param handle the bare handle (no {@code at://})
 * @param service the PDS URL
 * @param sig the signature, base64url without padding, exactly as written
 */
public record PlcLegacyCreate(String signingKey, String recoveryKey, String handle, String service, Optional<String> sig)
        implements PlcOp {
    public static final String TYPE = "create";
    private static final Set<String> FIELDS =
            Set.of("type", "signingKey", "recoveryKey", "handle", "service", "prev", "sig");

    public PlcLegacyCreate {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(recoveryKey, "recoveryKey");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(sig, "sig");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Always empty: this format only ever created DIDs. */
    @Override
    public Optional<Cid> prev() {
        return Optional.empty();
    }

    @Override
    public List<String> rotationKeys() {
        return List.of(recoveryKey, signingKey);
    }

    @Override
    public MapValue unsignedValue() {
        return MapValue.builder()
                .put("type", TYPE)
                .put("signingKey", signingKey)
                .put("recoveryKey", recoveryKey)
                .put("handle", handle)
                .put("service", service)
                .put("prev", NullValue.INSTANCE)
                .build();
    }

    /**
     * The state this operation sets, converted the way the reference directory converts it: the handle
     * gains {@code at://} and a service without a scheme gains {@code https://}.
     */
    public PlcState state(Did did) {
        String aka = handle.startsWith("at://") ? handle : "at://" + handle;
        String endpoint = service.startsWith("http://") || service.startsWith("https://") ? service : "https://" + service;
        return new PlcState(did, rotationKeys(), Map.of(PlcState.ATPROTO_KEY, signingKey), List.of(aka),
                Map.of(PlcService.ATPROTO_PDS, PlcService.pds(endpoint)));
    }

    static PlcLegacyCreate read(MapValue op) {
        PlcFields.onlyKeys(op, FIELDS);
        if (PlcFields.prev(op).isPresent()) {
            throw PlcFields.malformed("a legacy create operation must have \"prev\": null");
        }
        return new PlcLegacyCreate(PlcFields.string(op, "signingKey"), PlcFields.string(op, "recoveryKey"),
                PlcFields.string(op, "handle"), PlcFields.string(op, "service"), PlcFields.optionalString(op, "sig"));
    }
}
