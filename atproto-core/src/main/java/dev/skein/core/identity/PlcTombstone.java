package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.MapValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A did:plc tombstone ({@code "type": "plc_tombstone"}): deactivates the DID for good, unless a
 * higher-priority rotation key nullifies it within the recovery window.
 *
 * @param previous the CID of the operation it follows (never empty: there is no genesis tombstone)
 * @param sig the signature, base64url without padding, exactly as written
 */
public record PlcTombstone(Cid previous, Optional<String> sig) implements PlcOp {
    public static final String TYPE = "plc_tombstone";
    private static final Set<String> FIELDS = Set.of("type", "prev", "sig");

    public PlcTombstone {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(sig, "sig");
    }

    /** An unsigned tombstone following {@code previous}. */
    public static PlcTombstone following(Cid previous) {
        return new PlcTombstone(previous, Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Cid> prev() {
        return Optional.of(previous);
    }

    /** None: nothing may follow a tombstone. */
    @Override
    public List<String> rotationKeys() {
        return List.of();
    }

    @Override
    public MapValue unsignedValue() {
        return MapValue.builder().put("type", TYPE).put("prev", previous.toString()).build();
    }

    /** This tombstone signed by {@code rotationKey}, one of the rotation keys of the operation it follows. */
    public PlcTombstone sign(SigningKey rotationKey) {
        return withSig(PlcKeys.sign(this, rotationKey));
    }

    public PlcTombstone withSig(String sig) {
        return new PlcTombstone(previous, Optional.of(sig));
    }

    static PlcTombstone read(MapValue op) {
        PlcFields.onlyKeys(op, FIELDS);
        Cid prev = PlcFields.prev(op)
                .orElseThrow(() -> PlcFields.malformed("a tombstone must have a prev CID"));
        return new PlcTombstone(prev, PlcFields.optionalString(op, "sig"));
    }
}
