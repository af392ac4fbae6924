package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.pds.repo.CommitMeta;
import dev.skein.pds.repo.RecordSwap;
import dev.skein.pds.repo.ValidationMode;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.XrpcException;
import java.util.Optional;

/**
 * The fields the record-write methods share, read from an input the dispatcher has already checked against
 * its lexicon (so types and formats hold; a failure here is still a 400, never a 500).
 */
final class WriteInput {
    private WriteInput() {}

    static String repo(MapValue body) {
        return string(body, "repo").orElseThrow(() -> XrpcException.invalidRequest("Input must have the property \"repo\""));
    }

    static Nsid collection(MapValue body) {
        String s = string(body, "collection")
                .orElseThrow(() -> XrpcException.invalidRequest("Input must have the property \"collection\""));
        try {
            return Nsid.parse(s);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("collection must be a valid nsid: " + s);
        }
    }

    static Optional<RecordKey> rkey(MapValue body) {
        return string(body, "rkey").map(s -> {
            try {
                return RecordKey.parse(s);
            } catch (IllegalArgumentException e) {
                throw XrpcException.invalidRequest("rkey must be a valid record key: " + s);
            }
        });
    }

    static RecordKey requireRkey(MapValue body) {
        return rkey(body).orElseThrow(() -> XrpcException.invalidRequest("Input must have the property \"rkey\""));
    }

    static MapValue record(MapValue body, String key) {
        if (!(body.get(key) instanceof MapValue m)) {
            throw XrpcException.invalidRequest("Input/" + key + " must be an object");
        }
        return m;
    }

    static ValidationMode validate(MapValue body) {
        return ValidationMode.of(body.get("validate") instanceof BoolValue b ? Optional.of(b.value()) : Optional.empty());
    }

    static Optional<Cid> cid(MapValue body, String key) {
        return string(body, key).map(s -> parseCid(key, s));
    }

    /** {@code swapRecord}: absent is no condition, {@code null} (where the lexicon allows it) "must not exist". */
    static RecordSwap swapRecord(MapValue body) {
        DataValue v = body.get("swapRecord");
        return switch (v) {
            case null -> RecordSwap.NONE;
            case NullValue n -> RecordSwap.ABSENT;
            case StringValue s -> new RecordSwap.Current(parseCid("swapRecord", s.value()));
            default -> throw XrpcException.invalidRequest("swapRecord must be a CID or null");
        };
    }

    /** The output of createRecord and putRecord. */
    static MapValue recordOutput(String uri, Cid cid, WriteResult result, Optional<String> validationStatus) {
        MapValue.Builder b = MapValue.builder().put("uri", uri).put("cid", cid.toString());
        result.commit().map(CommitMeta::toValue).ifPresent(c -> b.put("commit", c));
        validationStatus.ifPresent(v -> b.put("validationStatus", v));
        return b.build();
    }

    private static Optional<String> string(MapValue body, String key) {
        return body.get(key) instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    private static Cid parseCid(String key, String s) {
        try {
            return Cid.parse(s);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest(key + " must be a valid CID: " + s);
        }
    }
}
