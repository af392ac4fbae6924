package dev.skein.pds.auth;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.secrets.Tokens;
import dev.skein.xrpc.XrpcException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inter-service JWTs: minted by the PDS for its accounts ({@code getServiceAuth}), signed with the
 * account's repo key ({@code ES256K} for K-256, {@code ES256} for P-256), and verified when another
 * account's service calls the PDS.
 *
 * <p>Claims: {@code iss} (the account DID), {@code aud} (the service DID, optionally with a
 * {@code #service} fragment), {@code exp}, {@code iat}, {@code lxm} (the method it is good for) and a
 * random {@code jti}. Verification refuses, each with its 401 name: a session token's {@code typ}
 * ({@code BadJwtType}), an expired token ({@code JwtExpired}), another audience ({@code BadJwtAudience}),
 * another method or none ({@code BadJwtLexiconMethod}), an issuer that is not a DID ({@code BadJwtIss}), a
 * signature the issuer's current key does not verify even after fetching the key again
 * ({@code BadJwtSignature}), and a {@code jti} seen before ({@code JwtReplayed}).
 *
 * <p>Spec: <a href="https://atproto.com/specs/xrpc#inter-service-authentication-jwt">XRPC: inter-service
 * authentication</a>.
 */
public final class ServiceJwt {
    static final Set<String> SESSION_TYPES = Set.of(SessionJwt.ACCESS_TYP, SessionJwt.REFRESH_TYP, "dpop+jwt");
    /** Most remembered {@code jti}s; past it, expired ones are forgotten. */
    static final int MAX_REMEMBERED = 100_000;

    /** The current atproto signing key of a DID, fetched again when {@code fresh}. */
    @FunctionalInterface
    public interface KeyLookup {
        Optional<PublicKey> key(Did did, boolean fresh);
    }

    private final String serviceDid;
    private final KeyLookup keys;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public ServiceJwt(String serviceDid, KeyLookup keys, Clock clock) {
        this.serviceDid = serviceDid;
        this.keys = keys;
        this.clock = clock;
    }

    /** A token from {@code issuer}, signed with {@code key}, for {@code audience}. */
    public static String mint(SigningKey key, Did issuer, String audience, Optional<Nsid> method, Instant issuedAt,
                              Instant expiresAt) {
        MapValue header = MapValue.builder().put("typ", "JWT").put("alg", key.curve().jwtAlg()).build();
        MapValue.Builder payload = MapValue.builder()
                .put("iat", issuedAt.getEpochSecond())
                .put("iss", issuer.value())
                .put("aud", audience)
                .put("exp", expiresAt.getEpochSecond())
                .put("jti", HexFormat.of().formatHex(Tokens.randomBytes(16)));
        method.ifPresent(m -> payload.put("lxm", m.value()));
        String input = Jwt.signingInput(header, payload.build());
        return Jwt.compact(input, key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The credentials of a token presented to {@code method}; see the class comment for what is refused. */
    public ServiceCredentials verify(String token, Nsid method) {
        Jwt jwt = Jwt.parse(token).orElseThrow(() -> fail("BadJwt", "Malformed token"));
        if (SESSION_TYPES.contains(jwt.typ().orElse(""))) {
            throw fail("BadJwtType", "Invalid token type");
        }
        Curve curve = jwt.alg().flatMap(Curve::fromJwtAlg).orElseThrow(() -> fail("BadJwt", "Unsupported alg"));
        Instant now = clock.instant();
        long exp = jwt.time("exp").orElseThrow(() -> fail("BadJwt", "Token has no expiry"));
        if (now.getEpochSecond() > exp) {
            throw fail("JwtExpired", "Token has expired");
        }
        String aud = jwt.claim("aud").orElse("");
        if (!aud.equals(serviceDid) && !aud.startsWith(serviceDid + "#")) {
            throw fail("BadJwtAudience", "Token is not for this service: " + aud);
        }
        if (!jwt.claim("lxm").orElse("").equals(method.value())) {
            throw fail("BadJwtLexiconMethod", "Token is not for the method " + method);
        }
        String iss = jwt.claim("iss").orElse("");
        Did issuer;
        try {
            issuer = Did.parse(iss.contains("#") ? iss.substring(0, iss.indexOf('#')) : iss);
        } catch (IllegalArgumentException e) {
            throw fail("BadJwtIss", "Token issuer is not a DID");
        }
        if (!verifies(jwt, issuer, curve, false) && !verifies(jwt, issuer, curve, true)) {
            throw fail("BadJwtSignature", "Token signature does not verify with the issuer's key");
        }
        String jti = jwt.claim("jti").orElseThrow(() -> fail("BadJwt", "Token has no jti"));
        remember(issuer + " " + jti, Instant.ofEpochSecond(exp), now);
        return new ServiceCredentials(issuer, method);
    }

    private boolean verifies(Jwt jwt, Did issuer, Curve curve, boolean fresh) {
        return keys.key(issuer, fresh)
                .filter(k -> k.curve() == curve)
                .map(k -> k.verifyLenient(jwt.signingInput(), jwt.signature()))
                .orElse(false);
    }

    private void remember(String id, Instant expiresAt, Instant now) {
        if (seen.size() >= MAX_REMEMBERED) {
            seen.values().removeIf(until -> until.isBefore(now));
        }
        if (seen.putIfAbsent(id, expiresAt) != null) {
            throw fail("JwtReplayed", "Token has already been used");
        }
    }

    private static XrpcException fail(String name, String message) {
        return XrpcException.unauthorized(name, message, "Bearer");
    }
}
