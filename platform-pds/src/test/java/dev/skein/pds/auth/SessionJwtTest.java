package dev.skein.pds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Did;
import dev.skein.pds.secrets.Tokens;
import dev.skein.xrpc.XrpcException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionJwtTest {
    private static final Did ALICE = Did.parse("did:plc:alice");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] SECRET = Tokens.randomBytes(32);
    private final SessionJwt jwt = new SessionJwt(SECRET, "did:web:pds.test");

    private static String errorOf(Runnable r) {
        try {
            r.run();
        } catch (XrpcException e) {
            return e.status() + " " + e.error() + ": " + e.getMessage();
        }
        return "no error";
    }

    @Test
    void roundTripsItsClaims() {
        String t = jwt.sign(SessionJwt.REFRESH_TYP, ALICE, AuthScope.REFRESH, NOW, NOW.plusSeconds(60), Optional.of("id1"));
        SessionJwt.Claims c = jwt.verify(t, SessionJwt.REFRESH_TYP, NOW, false);
        assertThat(c.subject()).isEqualTo(ALICE);
        assertThat(c.scope()).isEqualTo(AuthScope.REFRESH);
        assertThat(c.jti()).contains("id1");
        assertThat(c.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void refusesWhatIsNotItsOwnCurrentTokenOfTheRightKind() {
        String t = jwt.sign(SessionJwt.ACCESS_TYP, ALICE, AuthScope.ACCESS, NOW, NOW.plusSeconds(60), Optional.empty());
        assertThat(errorOf(() -> jwt.verify(t, SessionJwt.ACCESS_TYP, NOW.plusSeconds(60), false)))
                .isEqualTo("400 ExpiredToken: Token has expired");
        assertThat(jwt.verify(t, SessionJwt.ACCESS_TYP, NOW.plusSeconds(60), true).subject()).isEqualTo(ALICE);
        assertThat(errorOf(() -> jwt.verify(t, SessionJwt.REFRESH_TYP, NOW, false))).isEqualTo("400 InvalidToken: Invalid token type");
        SessionJwt otherKey = new SessionJwt(Tokens.randomBytes(32), "did:web:pds.test");
        assertThat(errorOf(() -> otherKey.verify(t, SessionJwt.ACCESS_TYP, NOW, false))).startsWith("400 InvalidToken");
        SessionJwt sameKeyOtherService = new SessionJwt(SECRET, "did:web:elsewhere");
        String elsewhere = sameKeyOtherService.sign(SessionJwt.ACCESS_TYP, ALICE, AuthScope.ACCESS, NOW, NOW.plusSeconds(60),
                Optional.empty());
        assertThat(errorOf(() -> jwt.verify(elsewhere, SessionJwt.ACCESS_TYP, NOW, false)))
                .isEqualTo("400 InvalidToken: Token is not for this service");
        assertThat(errorOf(() -> jwt.verify(t + "x", SessionJwt.ACCESS_TYP, NOW, false))).startsWith("400 InvalidToken");
        assertThat(errorOf(() -> jwt.verify("a.b", SessionJwt.ACCESS_TYP, NOW, false))).startsWith("400 InvalidToken");
        String[] p = t.split("\\.");
        String noneAlg = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes()) + "." + p[1] + ".";
        assertThat(errorOf(() -> jwt.verify(noneAlg, SessionJwt.ACCESS_TYP, NOW, false))).startsWith("400 InvalidToken");
        assertThatThrownBy(() -> jwt.verify("x".repeat(Jwt.MAX_LENGTH + 1), SessionJwt.ACCESS_TYP, NOW, false))
                .isInstanceOf(XrpcException.class);
    }
}
