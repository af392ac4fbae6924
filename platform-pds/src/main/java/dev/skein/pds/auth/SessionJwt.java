package dev.skein.pds.auth;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.XrpcException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens, shaped as the reference PDS's: HS256 JWTs under the PDS's secret, domain-separated by
 * {@code typ} ({@code at+jwt} for access, {@code refresh+jwt} for refresh tokens), with claims
 * {@code scope}, {@code aud} (the PDS's service DID), {@code sub} (the account), {@code iat}, {@code exp}
 * and, for refresh tokens, {@code jti}.
 *
 * <p>Verification answers the errors {@code @atproto/api} acts on: an expired token is 400
 * {@code ExpiredToken} (the client refreshes its session), anything else wrong 400 {@code InvalidToken}.
 */
public final class SessionJwt {
    public static final String ACCESS_TYP = "at+jwt";
    public static final String REFRESH_TYP = "refresh+jwt";
    static final String ALG = "HS256";

    private final SecretKeySpec key;
    private final String audience;

    /** A token kind and its claims after verification. */
    public record Claims(String typ, Did subject, AuthScope scope, Instant expiresAt, Optional<String> jti) {}

    public SessionJwt(byte[] secret, String audience) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.audience = audience;
    }

    public String audience() {
        return audience;
    }

    /** A signed token of kind {@code typ} for {@code subject}. */
    public String sign(String typ, Did subject, AuthScope scope, Instant issuedAt, Instant expiresAt, Optional<String> jti) {
        MapValue header = MapValue.builder().put("typ", typ).put("alg", ALG).build();
        MapValue.Builder payload = MapValue.builder()
                .put("scope", scope.claim())
                .put("aud", audience)
                .put("sub", subject.value())
                .put("iat", issuedAt.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond());
        jti.ifPresent(id -> payload.put("jti", id));
        String input = Jwt.signingInput(header, payload.build());
        return Jwt.compact(input, mac(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The claims of a token of kind {@code typ}: signature, kind, audience, subject and scope checked;
     * expiry checked against {@code now} unless {@code allowExpired}.
     */
    public Claims verify(String token, String typ, Instant now, boolean allowExpired) {
        Jwt jwt = Jwt.parse(token).orElseThrow(() -> invalid("Token could not be verified"));
        if (!jwt.alg().orElse("").equals(ALG)
                || !MessageDigest.isEqual(mac(jwt.signingInput()), jwt.signature())) {
            throw invalid("Token could not be verified");
        }
        if (!jwt.typ().orElse("").equals(typ)) {
            throw invalid("Invalid token type");
        }
        long exp = jwt.time("exp").orElseThrow(() -> invalid("Token has no expiry"));
        if (!allowExpired && now.getEpochSecond() >= exp) {
            throw XrpcException.badRequest("ExpiredToken", "Token has expired");
        }
        if (!jwt.claim("aud").orElse("").equals(audience)) {
            throw invalid("Token is not for this service");
        }
        Did subject;
        try {
            subject = Did.parse(jwt.claim("sub").orElse(""));
        } catch (IllegalArgumentException e) {
            throw invalid("Token subject is not a DID");
        }
        AuthScope scope = jwt.claim("scope").flatMap(AuthScope::fromClaim).orElseThrow(() -> invalid("Bad token scope"));
        return new Claims(typ, subject, scope, Instant.ofEpochSecond(exp), jwt.claim("jti"));
    }

    static XrpcException invalid(String message) {
        return XrpcException.badRequest("InvalidToken", message);
    }

    private byte[] mac(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
