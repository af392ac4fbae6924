package dev.skein.pds.auth;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.MapValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A compact JWS split into its parts: {@code base64url(header) "." base64url(payload) "." base64url(sig)},
 * header and payload JSON objects of the data model.
 *
 * @param header the decoded header
 * @param payload the decoded claims
 * @param signingInput the first two parts as sent: what the signature covers
 * @param signature the decoded signature
 */
public record Jwt(MapValue header, MapValue payload, byte[] signingInput, byte[] signature) {
    /** Longest token accepted: far above any token the PDS or a service mints. */
    public static final int MAX_LENGTH = 8192;
    private static final DataLimits LIMITS = new DataLimits(MAX_LENGTH, 4, 64, 256);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** The parts of {@code token}, or empty when it is not a well-formed JWS. */
    public static Optional<Jwt> parse(String token) {
        if (token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            MapValue header = DataJson.parseObject(d.decode(parts[0]), LIMITS);
            MapValue payload = DataJson.parseObject(d.decode(parts[1]), LIMITS);
            byte[] sig = d.decode(parts[2]);
            return Optional.of(new Jwt(header, payload,
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), sig));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code base64url(header) "." base64url(payload)}: the input to sign. */
    public static String signingInput(MapValue header, MapValue payload) {
        return B64URL.encodeToString(DataJson.write(header)) + "." + B64URL.encodeToString(DataJson.write(payload));
    }

    /** The whole token from its signing input and signature. */
    public static String compact(String signingInput, byte[] signature) {
        return signingInput + "." + B64URL.encodeToString(signature);
    }

    public Optional<String> typ() {
        return header.getString("typ");
    }

    public Optional<String> alg() {
        return header.getString("alg");
    }

    public Optional<String> claim(String name) {
        return payload.getString(name);
    }

    public Optional<Long> time(String name) {
        return payload.getInt(name);
    }
}
