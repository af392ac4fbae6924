package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.pds.auth.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Session tokens: their checks and errors, expiry on a moved clock, refresh rotation and revocation, app passwords, service auth. */
public abstract class SessionsContract extends PdsContract {

    private JsonNode session(String accessJwt) {
        return json(get("com.atproto.server.getSession", accessJwt).expectStatus().isOk());
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void tokensLookLikeTheReferencePdssTokens() {
        Session s = createAccount();
        Jwt access = Jwt.parse(s.accessJwt()).orElseThrow();
        assertThat(access.typ()).contains("at+jwt");
        assertThat(access.alg()).contains("HS256");
        JsonNode a = claims(s.accessJwt());
        assertThat(a.path("scope").asString()).isEqualTo("com.atproto.access");
        assertThat(a.path("aud").asString()).isEqualTo("did:web:localhost");
        assertThat(a.path("sub").asString()).isEqualTo(s.did().value());
        assertThat(a.path("exp").asLong() - a.path("iat").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
        JsonNode r = claims(s.refreshJwt());
        assertThat(Jwt.parse(s.refreshJwt()).orElseThrow().typ()).contains("refresh+jwt");
        assertThat(r.path("scope").asString()).isEqualTo("com.atproto.refresh");
        assertThat(r.path("jti").asString()).isNotBlank();
        assertThat(r.path("exp").asLong() - r.path("iat").asLong()).isEqualTo(Duration.ofDays(90).toSeconds());
    }

    @Test
    void getSessionNeedsAValidAccessToken() {
        Session s = createAccount();
        JsonNode me = session(s.accessJwt());
        assertThat(me.path("did").asString()).isEqualTo(s.did().value());
        assertThat(me.path("handle").asString()).isEqualTo(s.handle());
        assertThat(me.path("email").asString()).isEqualTo(s.email());

        client().get().uri("/xrpc/com.atproto.server.getSession").exchange()
                .expectStatus().isUnauthorized().expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        error(client().get().uri("/xrpc/com.atproto.server.getSession").exchange(), 401, "AuthMissing");
        error(get("com.atproto.server.getSession", s.refreshJwt()), 400, "InvalidToken");
        error(get("com.atproto.server.getSession", "garbage"), 400, "InvalidToken");
        error(client().get().uri("/xrpc/com.atproto.server.getSession").header("Authorization", "Basic " + s.accessJwt())
                .exchange(), 400, "InvalidToken");
        String[] parts = s.accessJwt().split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"scope\":\"com.atproto.access\",\"aud\":\"did:web:localhost\",\"sub\":\"" + s.did()
                        + "\",\"iat\":1,\"exp\":99999999999}").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        error(get("com.atproto.server.getSession", forged), 400, "InvalidToken");
    }

    @Test
    void anExpiredAccessTokenIsExpiredTokenSoThatClientsRefresh() {
        Session s = createAccount();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        JsonNode e = error(get("com.atproto.server.getSession", s.accessJwt()), 400, "ExpiredToken");
        assertThat(e.path("message").asString()).isEqualTo("Token has expired");
        JsonNode refreshed = json(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()).expectStatus().isOk());
        assertThat(session(refreshed.path("accessJwt").asString()).path("did").asString()).isEqualTo(s.did().value());
    }

    @Test
    void refreshRotatesWithAGracePeriodThenRevokes() {
        Session s = createAccount();
        JsonNode first = json(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()).expectStatus().isOk());
        assertThat(first.path("did").asString()).isEqualTo(s.did().value());
        assertThat(first.path("handle").asString()).isEqualTo(s.handle());
        String next = first.path("refreshJwt").asString();
        assertThat(claims(next).path("jti").asString()).isNotEqualTo(claims(s.refreshJwt()).path("jti").asString());

        JsonNode again = json(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()).expectStatus().isOk());
        assertThat(claims(again.path("refreshJwt").asString()).path("jti").asString())
                .as("reuse within the grace period gives the same successor").isEqualTo(claims(next).path("jti").asString());

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        JsonNode revoked = error(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()), 400, "ExpiredToken");
        assertThat(revoked.path("message").asString()).isEqualTo("Token has been revoked");
        JsonNode third = json(postEmpty("com.atproto.server.refreshSession", next).expectStatus().isOk());
        assertThat(session(third.path("accessJwt").asString()).path("did").asString()).isEqualTo(s.did().value());

        error(postEmpty("com.atproto.server.refreshSession", s.accessJwt()), 400, "InvalidToken");
        error(client().post().uri("/xrpc/com.atproto.server.refreshSession").exchange(), 401, "AuthMissing");
    }

    @Test
    void deleteSessionRevokesTheRefreshTokenExpiredOrNot() {
        Session s = createAccount();
        postEmpty("com.atproto.server.deleteSession", s.refreshJwt()).expectStatus().isOk().expectBody().isEmpty();
        error(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()), 400, "ExpiredToken");

        JsonNode other = login(s.handle(), PASSWORD);
        clock.advance(Duration.ofDays(91));
        String oldRefresh = other.path("refreshJwt").asString();
        error(postEmpty("com.atproto.server.refreshSession", oldRefresh), 400, "ExpiredToken");
        postEmpty("com.atproto.server.deleteSession", oldRefresh).expectStatus().isOk();
        error(postEmpty("com.atproto.server.deleteSession", s.accessJwt()), 400, "InvalidToken");
    }

    @Test
    void appPasswordsLogInWithARestrictedScopeUntilRevoked() {
        Session s = createAccount();
        JsonNode created = json(post("com.atproto.server.createAppPassword", body("name", "agent bot"), s.accessJwt())
                .expectStatus().isOk());
        String password = created.path("password").asString();
        assertThat(password).matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}");
        assertThat(created.path("privileged").asBoolean()).isFalse();
        error(post("com.atproto.server.createAppPassword", body("name", "agent bot"), s.accessJwt()), 400, "InvalidRequest");

        JsonNode listed = json(get("com.atproto.server.listAppPasswords", s.accessJwt()).expectStatus().isOk());
        assertThat(listed.path("passwords")).hasSize(1);
        assertThat(listed.path("passwords").get(0).path("name").asString()).isEqualTo("agent bot");
        assertThat(listed.path("passwords").get(0).has("password")).isFalse();

        JsonNode app = login(s.handle(), password);
        String appAccess = app.path("accessJwt").asString();
        assertThat(claims(appAccess).path("scope").asString()).isEqualTo("com.atproto.appPass");
        assertThat(app.has("email")).as("app-password sessions do not see the email").isFalse();
        assertThat(session(appAccess).path("did").asString()).isEqualTo(s.did().value());
        JsonNode scope = error(post("com.atproto.server.createAppPassword", body("name", "x"), appAccess), 400, "InvalidToken");
        assertThat(scope.path("message").asString()).isEqualTo("Bad token scope");
        error(get("com.atproto.server.listAppPasswords", appAccess), 400, "InvalidToken");
        error(post("com.atproto.identity.updateHandle", body("handle", newHandle()), appAccess), 400, "InvalidToken");
        JsonNode refreshed = json(postEmpty("com.atproto.server.refreshSession", app.path("refreshJwt").asString()).expectStatus().isOk());
        assertThat(claims(refreshed.path("accessJwt").asString()).path("scope").asString()).isEqualTo("com.atproto.appPass");

        JsonNode privileged = json(post("com.atproto.server.createAppPassword", "{\"name\":\"admin tool\",\"privileged\":true}",
                s.accessJwt()).expectStatus().isOk());
        String privAccess = login(s.email(), privileged.path("password").asString()).path("accessJwt").asString();
        assertThat(claims(privAccess).path("scope").asString()).isEqualTo("com.atproto.appPassPrivileged");

        post("com.atproto.server.revokeAppPassword", body("name", "agent bot"), s.accessJwt()).expectStatus().isOk();
        error(post("com.atproto.server.createSession", body("identifier", s.handle(), "password", password)),
                401, "AuthenticationRequired");
        error(postEmpty("com.atproto.server.refreshSession", refreshed.path("refreshJwt").asString()), 400, "ExpiredToken");
        assertThat(json(get("com.atproto.server.listAppPasswords", s.accessJwt()).expectStatus().isOk()).path("passwords"))
                .hasSize(1);
    }

    @Test
    void serviceAuthTokensAreSignedWithTheAccountKeyAndCheckedOnUse() {
        Session s = createAccount();
        String whoAmI = PdsTestApplication.WHO_AM_I.value();
        String token = json(get("com.atproto.server.getServiceAuth?aud=did:web:localhost&lxm=" + whoAmI, s.accessJwt())
                .expectStatus().isOk()).path("token").asString();
        Jwt jwt = Jwt.parse(token).orElseThrow();
        assertThat(jwt.alg()).contains("ES256K");
        JsonNode c = claims(token);
        assertThat(c.path("iss").asString()).isEqualTo(s.did().value());
        assertThat(c.path("lxm").asString()).isEqualTo(whoAmI);
        assertThat(c.path("exp").asLong() - c.path("iat").asLong()).isEqualTo(60);

        assertThat(json(get(whoAmI, token).expectStatus().isOk()).path("iss").asString()).isEqualTo(s.did().value());
        error(get(whoAmI, token), 401, "JwtReplayed");
        error(get(whoAmI, s.accessJwt()), 401, "BadJwtType");
        error(client().get().uri("/xrpc/" + whoAmI).exchange(), 401, "AuthMissing");

        String otherMethod = json(get("com.atproto.server.getServiceAuth?aud=did:web:localhost&lxm=com.atproto.repo.createRecord",
                s.accessJwt()).expectStatus().isOk()).path("token").asString();
        error(get(whoAmI, otherMethod), 401, "BadJwtLexiconMethod");
        String otherAudience = json(get("com.atproto.server.getServiceAuth?aud=did:web:elsewhere.example&lxm=" + whoAmI,
                s.accessJwt()).expectStatus().isOk()).path("token").asString();
        error(get(whoAmI, otherAudience), 401, "BadJwtAudience");
        String fragment = json(client().get().uri("/xrpc/com.atproto.server.getServiceAuth?aud={aud}&lxm={lxm}",
                "did:web:localhost#atproto_pds", whoAmI).header("Authorization", "Bearer " + s.accessJwt()).exchange()
                .expectStatus().isOk()).path("token").asString();
        assertThat(claims(fragment).path("aud").asString()).isEqualTo("did:web:localhost#atproto_pds");
        get(whoAmI, fragment).expectStatus().isOk();
        String soonExpired = json(get("com.atproto.server.getServiceAuth?aud=did:web:localhost&lxm=" + whoAmI, s.accessJwt())
                .expectStatus().isOk()).path("token").asString();
        clock.advance(Duration.ofMinutes(2));
        error(get(whoAmI, soonExpired), 401, "JwtExpired");
    }

    @Test
    void serviceAuthRefusesBadExpirationsAndProtectedMethods() {
        Session s = createAccount();
        long now = clock.instant().getEpochSecond();
        error(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&exp=" + (now - 10), s.accessJwt()), 400, "BadExpiration");
        error(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&lxm=com.atproto.repo.createRecord&exp="
                + (now + 3601), s.accessJwt()), 400, "BadExpiration");
        error(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&exp=" + (now + 120), s.accessJwt()), 400, "BadExpiration");
        JsonNode ok = json(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&lxm=com.atproto.repo.createRecord&exp="
                + (now + 3000), s.accessJwt()).expectStatus().isOk());
        assertThat(claims(ok.path("token").asString()).path("exp").asLong()).isEqualTo(now + 3000);
        error(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&lxm=com.atproto.server.createAppPassword",
                s.accessJwt()), 400, "InvalidRequest");
        error(get("com.atproto.server.getServiceAuth?aud=not-a-did", s.accessJwt()), 400, "InvalidRequest");
        error(get("com.atproto.server.getServiceAuth", s.accessJwt()), 400, "InvalidRequest");
        error(get("com.atproto.server.getServiceAuth?aud=did:web:x.example&exp=soon", s.accessJwt()), 400, "InvalidRequest");
        assertThat(Instant.ofEpochSecond(now)).isBeforeOrEqualTo(clock.instant());
    }
}
