package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A regular did:plc operation ({@code "type": "plc_operation"}): the whole identity state after it, and the
 * CID of the operation it follows ({@code prev}, empty for the genesis operation).
 *
 * <p>Keys are {@code did:key} strings and stay exactly as written: they are part of the signed bytes, and
 * old logs hold values that newer rules would refuse ({@link #checkConstraints()} applies those rules).
 *
 * @param rotationKeys keys that may sign the next operation, highest priority first
 * @param verificationMethods key ids (no {@code #}) to {@code did:key} values; {@code atproto} is the repo signing key
 * @param alsoKnownAs URIs; for atproto the first {@code at://} entry is the handle
 * @param services service ids (no {@code #}) to services; {@code atproto_pds} is the account's PDS
 * @param prev the CID of the previous operation
 * @param sig the signature, base64url without padding, exactly as written
 */
public record PlcOperation(
        List<String> rotationKeys,
        Map<String, String> verificationMethods,
        List<String> alsoKnownAs,
        Map<String, PlcService> services,
        Optional<Cid> prev,
        Optional<String> sig) implements PlcOp {

    public static final String TYPE = "plc_operation";
    /** Most rotation keys in a new operation (spec). */
    public static final int MAX_ROTATION_KEYS = 5;
    /** Most verification methods in a new operation (spec, v0.2). */
    public static final int MAX_VERIFICATION_METHODS = 10;
    /** Most {@code alsoKnownAs} entries (reference directory). */
    public static final int MAX_ALSO_KNOWN_AS = 10;
    /** Longest {@code alsoKnownAs} entry: a 253-character handle with {@code at://} (reference directory). */
    public static final int MAX_ALSO_KNOWN_AS_LENGTH = 258;
    /** Most services (reference directory). */
    public static final int MAX_SERVICES = 10;
    /** Longest verification method or service id (reference directory). */
    public static final int MAX_ID_LENGTH = 32;
    /** Longest service type (reference directory). */
    public static final int MAX_SERVICE_TYPE_LENGTH = 256;
    /** Longest service endpoint (reference directory). */
    public static final int MAX_SERVICE_ENDPOINT_LENGTH = 512;
    /** Longest verification method {@code did:key} (reference directory). */
    public static final int MAX_DID_KEY_LENGTH = 256;
    private static final Set<String> FIELDS =
            Set.of("type", "rotationKeys", "verificationMethods", "alsoKnownAs", "services", "prev", "sig");

    public PlcOperation {
        rotationKeys = List.copyOf(rotationKeys);
        verificationMethods = Collections.unmodifiableMap(new LinkedHashMap<>(verificationMethods));
        alsoKnownAs = List.copyOf(alsoKnownAs);
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(sig, "sig");
        verificationMethods.forEach((k, v) -> Objects.requireNonNull(v, k));
        services.forEach((k, v) -> Objects.requireNonNull(v, k));
    }

    /** An unsigned operation that sets the state to {@code state}, following {@code prev} (empty for a genesis). */
    public static PlcOperation of(PlcState state, Optional<Cid> prev) {
        return new PlcOperation(state.rotationKeys(), state.verificationMethods(), state.alsoKnownAs(),
                state.services(), prev, Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue unsignedValue() {
        MapValue.Builder services = MapValue.builder();
        this.services.forEach((id, s) -> services.put(id, s.toValue()));
        return MapValue.builder()
                .put("type", TYPE)
                .put("rotationKeys", PlcFields.stringArray(rotationKeys))
                .put("verificationMethods", PlcFields.stringMapValue(verificationMethods))
                .put("alsoKnownAs", PlcFields.stringArray(alsoKnownAs))
                .put("services", services.build())
                .put("prev", prev.<DataValue>map(c -> new StringValue(c.toString())).orElse(NullValue.INSTANCE))
                .build();
    }

    /** An unsigned genesis operation: the first operation of a new DID. */
    public static PlcOperation genesis(List<String> rotationKeys, Map<String, String> verificationMethods,
            List<String> alsoKnownAs, Map<String, PlcService> services) {
        return new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, services, Optional.empty(), Optional.empty());
    }

    /**
     * An unsigned genesis operation for an atproto account: {@code signingKey} as the {@code atproto}
     * verification method, {@code at://handle} as the only alias, {@code pds} as {@code atproto_pds}.
     */
    public static PlcOperation atprotoGenesis(List<PublicKey> rotationKeys, PublicKey signingKey, Handle handle, URI pds) {
        return genesis(rotationKeys.stream().map(PublicKey::didKey).toList(),
                Map.of(PlcState.ATPROTO_KEY, signingKey.didKey()), List.of("at://" + handle.normalized()),
                Map.of(PlcService.ATPROTO_PDS, PlcService.pds(pds.toString())));
    }

    /**
     * This operation signed by {@code rotationKey}, which must be a rotation key of the previous operation
     * (for a genesis, of this one).
     */
    public PlcOperation sign(SigningKey rotationKey) {
        return withSig(PlcKeys.sign(this, rotationKey));
    }

    /** This operation with {@code sig} set (to a signature made elsewhere). */
    public PlcOperation withSig(String sig) {
        return new PlcOperation(rotationKeys, verificationMethods, alsoKnownAs, services, prev, Optional.of(sig));
    }

    /** The identity state this operation sets, for {@code did}. */
    public PlcState state(Did did) {
        return new PlcState(did, rotationKeys, verificationMethods, alsoKnownAs, services);
    }

    /**
     * Checks the constraints the method sets on new operations, beyond what old logs obey: 1 to
     * {@value #MAX_ROTATION_KEYS} distinct K-256/P-256 rotation keys, at most {@value #MAX_VERIFICATION_METHODS}
     * verification methods whose values are {@code did:key} strings (of any key type), ids without
     * {@code #}, bounded lists and lengths (the reference directory's limits), and the size limit.
     *
     * @throws PlcOperationException ({@code CONSTRAINT_VIOLATION}, {@code INVALID_KEY} or {@code TOO_LARGE})
     */
    public PlcOperation checkConstraints() {
        if (rotationKeys.isEmpty() || rotationKeys.size() > MAX_ROTATION_KEYS) {
            throw violation(rotationKeys.size() + " rotation keys; 1 to " + MAX_ROTATION_KEYS + " are allowed");
        }
        if (Set.copyOf(rotationKeys).size() != rotationKeys.size()) {
            throw violation("duplicate rotation keys");
        }
        rotationKeys.forEach(PlcKeys::rotationKey);
        if (verificationMethods.size() > MAX_VERIFICATION_METHODS) {
            throw violation(verificationMethods.size() + " verification methods; at most " + MAX_VERIFICATION_METHODS);
        }
        verificationMethods.forEach((id, key) -> {
            checkId("verification method", id);
            if (key.length() > MAX_DID_KEY_LENGTH || !PlcKeys.isDidKeySyntax(key)) {
                throw violation("verification method " + id + " is not a did:key: " + key);
            }
        });
        if (alsoKnownAs.size() > MAX_ALSO_KNOWN_AS || Set.copyOf(alsoKnownAs).size() != alsoKnownAs.size()) {
            throw violation("alsoKnownAs must hold at most " + MAX_ALSO_KNOWN_AS + " distinct entries");
        }
        for (String aka : alsoKnownAs) {
            if (aka.length() > MAX_ALSO_KNOWN_AS_LENGTH) {
                throw violation("alsoKnownAs entry longer than " + MAX_ALSO_KNOWN_AS_LENGTH + ": " + aka);
            }
        }
        if (services.size() > MAX_SERVICES) {
            throw violation(services.size() + " services; at most " + MAX_SERVICES);
        }
        services.forEach((id, service) -> {
            checkId("service", id);
            if (service.type().length() > MAX_SERVICE_TYPE_LENGTH || service.endpoint().length() > MAX_SERVICE_ENDPOINT_LENGTH) {
                throw violation("service " + id + " has a type or endpoint over the length limit");
            }
        });
        int size = isSigned() ? signedBytes().length : unsignedBytes().length;
        if (size > MAX_BYTES) {
            throw new PlcOperationException(PlcOperationException.Reason.TOO_LARGE,
                    "operation is " + size + " bytes, over " + MAX_BYTES);
        }
        return this;
    }

    private static void checkId(String what, String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.startsWith("#")) {
            throw violation(what + " id must be 1 to " + MAX_ID_LENGTH + " characters without '#': " + id);
        }
    }

    private static PlcOperationException violation(String message) {
        return new PlcOperationException(PlcOperationException.Reason.CONSTRAINT_VIOLATION, message);
    }

    static PlcOperation read(MapValue op) {
        PlcFields.onlyKeys(op, FIELDS);
        return new PlcOperation(
                PlcFields.stringList(op, "rotationKeys"),
                PlcFields.stringMap(op, "verificationMethods"),
                PlcFields.stringList(op, "alsoKnownAs"),
                PlcFields.services(op),
                PlcFields.prev(op),
                PlcFields.optionalString(op, "sig"));
    }
}
