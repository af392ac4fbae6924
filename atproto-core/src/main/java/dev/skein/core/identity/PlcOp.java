package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.InvalidDataException;
import dev.skein.core.data.MapValue;
import dev.skein.core.encoding.Base32;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.syntax.Did;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a did:plc operation log: a regular {@link PlcOperation}, a {@link PlcTombstone}, or a
 * {@link PlcLegacyCreate} genesis from before the current format.
 *
 * <p>An operation is signed over the DRISL (DAG-CBOR) encoding of itself without {@code sig}; its CID, the
 * {@code prev} of the next operation, hashes the encoding with {@code sig}; the DID is derived from the
 * hash of the signed genesis operation.
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>, "Operation Serialization,
 * Signing, and Validation".
 */
public sealed interface PlcOp permits PlcOperation, PlcTombstone, PlcLegacyCreate {
    /** The largest operation the method allows, in DRISL bytes with {@code sig}. */
    int MAX_BYTES = 7500;
    /** Limits for an operation as JSON: well above {@link #MAX_BYTES} of data with generous whitespace. */
    DataLimits JSON_LIMITS = new DataLimits(4 * MAX_BYTES, 8, MAX_BYTES, 1024);
    /** A signature is 64 bytes, which is 86 characters of unpadded base64url. */
    int SIGNATURE_BYTES = 64;

    /** The {@code type} field. */
    String type();

    /** The CID of the operation this one follows; empty for a genesis operation. */
    Optional<Cid> prev();

    /** The {@code sig} field exactly as written (base64url, no padding); empty while unsigned. */
    Optional<String> sig();

    /**
     * The keys allowed to sign the operation that follows this one, in priority order: the rotation keys;
     * for a legacy create, its recovery key then its signing key; none for a tombstone.
     */
    List<String> rotationKeys();

    /** The operation without {@code sig}: what the signature covers. */
    MapValue unsignedValue();

    default boolean isGenesis() {
        return prev().isEmpty();
    }

    default boolean isSigned() {
        return sig().isPresent();
    }

    /** The operation with its {@code sig} (or without one, when unsigned). */
    default MapValue toValue() {
        MapValue unsigned = unsignedValue();
        if (sig().isEmpty()) {
            return unsigned;
        }
        MapValue.Builder b = MapValue.builder();
        for (var e : unsigned.entries()) {
            b.put(e.getKey(), e.getValue());
        }
        return b.put("sig", sig().get()).build();
    }

    /** The DRISL bytes that the signature covers. */
    default byte[] unsignedBytes() {
        return Drisl.encode(unsignedValue());
    }

    /** The DRISL bytes of the signed operation, which its CID and (for a genesis) its DID hash. */
    default byte[] signedBytes() {
        requireSigned();
        return Drisl.encode(toValue());
    }

    /** The CID of the signed operation: what the next operation's {@code prev} names. */
    default Cid cid() {
        return Cid.ofDrisl(signedBytes());
    }

    /**
     * The DID this signed genesis operation creates: {@code did:plc:} and the first 24 characters of the
     * lowercase base32 SHA-256 of its signed bytes.
     */
    default Did genesisDid() {
        if (!isGenesis()) {
            throw new PlcOperationException(Reason.MISORDERED, "not a genesis operation: prev is " + prev().get());
        }
        return Did.parse("did:plc:" + Base32.encode(Cid.sha256(signedBytes())).substring(0, 24));
    }

    /**
     * The 64 signature bytes, decoded strictly: unpadded base64url whose unused trailing bits are zero, and
     * nothing else (no padding, no line breaks), so that no two strings carry the same signature.
     */
    default byte[] signatureBytes() {
        String s = requireSigned();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new PlcOperationException(Reason.INVALID_SIGNATURE, "sig is not base64url: " + e.getMessage());
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(s)) {
            throw new PlcOperationException(Reason.INVALID_SIGNATURE,
                    "sig is not canonical unpadded base64url (padding, or non-zero trailing bits)");
        }
        if (bytes.length != SIGNATURE_BYTES) {
            throw new PlcOperationException(Reason.INVALID_SIGNATURE,
                    "sig is " + bytes.length + " bytes, not " + SIGNATURE_BYTES);
        }
        return bytes;
    }

    /**
     * Checks the signature against {@code allowedKeys} ({@code did:key} strings, highest priority first):
     * the rotation keys of the operation this one follows, or of this one for a genesis.
     *
     * @return the index of the first key that made the signature
     * @throws PlcOperationException ({@code INVALID_SIGNATURE}) if none did, or the signature is badly
     *     encoded, high-S or DER; ({@code INVALID_KEY}) if a key is not a K-256 or P-256 did:key
     */
    default int verifySignature(List<String> allowedKeys) {
        return PlcKeys.signerIndex(this, allowedKeys);
    }

    /**
     * Checks that this is a valid genesis operation for {@code did}: no {@code prev}, its hash gives the
     * DID, and it is signed by one of its own rotation keys.
     *
     * @return the index of the rotation key that signed it
     */
    default int verifyGenesis(Did did) {
        Did derived = genesisDid();
        if (!derived.equals(did)) {
            throw new PlcOperationException(Reason.GENESIS_DID_MISMATCH,
                    "genesis operation hashes to " + derived + ", not " + did);
        }
        return verifySignature(rotationKeys());
    }

    /** The operation as JSON, as a PLC directory accepts and serves it. */
    default String toJson() {
        return DataJson.writeString(toValue());
    }

    private String requireSigned() {
        return sig().orElseThrow(() -> new PlcOperationException(Reason.INVALID_SIGNATURE, "operation is not signed"));
    }

    /** Parses an operation from JSON. */
    static PlcOp fromJson(String json) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses an operation from JSON. */
    static PlcOp fromJson(byte[] json) {
        MapValue value;
        try {
            value = DataJson.parseObject(json, JSON_LIMITS);
        } catch (InvalidDataException e) {
            throw PlcFields.malformed("operation is not a JSON object of the data model: " + e.getMessage());
        }
        return fromValue(value);
    }

    /**
     * Reads an operation from its data-model form (from JSON or DRISL): the {@code type} picks the format,
     * every field must have its type, and unknown fields are refused, so that re-encoding gives back the
     * exact bytes that were signed.
     */
    static PlcOp fromValue(DataValue value) {
        if (!(value instanceof MapValue map)) {
            throw PlcFields.malformed("operation must be an object, not " + value.kind());
        }
        PlcOp op = switch (PlcFields.string(map, "type")) {
            case PlcOperation.TYPE -> PlcOperation.read(map);
            case PlcTombstone.TYPE -> PlcTombstone.read(map);
            case PlcLegacyCreate.TYPE -> PlcLegacyCreate.read(map);
            default -> throw PlcFields.malformed("unknown operation type \"" + PlcFields.string(map, "type") + "\"");
        };
        int size = Drisl.encode(op.toValue()).length;
        if (size > MAX_BYTES) {
            throw new PlcOperationException(Reason.TOO_LARGE, "operation is " + size + " bytes, over " + MAX_BYTES);
        }
        return op;
    }
}
