package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.syntax.Did;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Account status and deletion: owner deactivation and deletion, and the administrator's views, takedowns and deletions. */
public abstract class LifecycleContract extends PdsContract {

    private WebTestClient.ResponseSpec admin(String nsid, String json) {
        return client().post().uri("/xrpc/" + nsid).header("Authorization", adminAuth())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec adminGet(String pathAndQuery) {
        return client().get().uri("/xrpc/" + pathAndQuery).header("Authorization", adminAuth()).exchange();
    }

    private static String repoRef(Did did) {
        return "{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\"" + did + "\"}";
    }

    @Test
    void deactivationPausesTheAccountAndActivationReannouncesIt() {
        Session s = createAccount();
        post("com.atproto.server.deactivateAccount", "{}", s.accessJwt()).expectStatus().isOk();
        JsonNode me = json(get("com.atproto.server.getSession", s.accessJwt()).expectStatus().isOk());
        assertThat(me.path("active").asBoolean()).isFalse();
        assertThat(me.path("status").asString()).isEqualTo("deactivated");
        assertThat(events(s.did()).getLast()).isInstanceOfSatisfying(AccountEvent.class, e -> {
            assertThat(e.active()).isFalse();
            assertThat(e.status()).isEqualTo("deactivated");
        });
        assertThat(login(s.handle(), PASSWORD).path("status").asString()).isEqualTo("deactivated");
        assertThat(json(get("com.atproto.server.checkAccountStatus", s.accessJwt()).expectStatus().isOk())
                .path("activated").asBoolean()).isFalse();

        postEmpty("com.atproto.server.activateAccount", s.accessJwt()).expectStatus().isOk();
        List<FirehoseFrame> events = events(s.did());
        List<FirehoseFrame> last3 = events.subList(events.size() - 3, events.size());
        assertThat(last3.get(0)).isInstanceOfSatisfying(AccountEvent.class, e -> assertThat(e.active()).isTrue());
        assertThat(last3.get(1)).isInstanceOf(IdentityEvent.class);
        assertThat(last3.get(2)).isInstanceOf(SyncEvent.class);
        assertThat(json(get("com.atproto.server.getSession", s.accessJwt()).expectStatus().isOk()).path("active").asBoolean()).isTrue();
        postEmpty("com.atproto.server.activateAccount", s.accessJwt()).expectStatus().isOk();
        assertThat(events(s.did())).as("activating an active account changes nothing").hasSize(events.size());
        error(post("com.atproto.server.deactivateAccount", "{\"deleteAfter\":\"yesterday\"}", s.accessJwt()), 400, "InvalidRequest");
    }

    @Test
    void ownersDeleteWithTheirPasswordAndTheTokenTheyAskedFor() {
        Session s = createAccount();
        Session other = createAccount();
        error(post("com.atproto.server.deleteAccount", body("did", s.did().value(), "password", PASSWORD, "token", "abcde-fghij")),
                400, "InvalidToken");
        postEmpty("com.atproto.server.requestAccountDelete", s.accessJwt()).expectStatus().isOk();
        String token = capturedTokens.tokens.get(s.did());
        assertThat(token).matches("[a-z2-7]{5}-[a-z2-7]{5}");
        error(post("com.atproto.server.deleteAccount", body("did", s.did().value(), "password", "wrong", "token", token)),
                401, "AuthenticationRequired");
        error(post("com.atproto.server.deleteAccount", body("did", other.did().value(), "password", PASSWORD, "token", token)),
                400, "InvalidToken");
        error(post("com.atproto.server.deleteAccount", body("did", s.did().value(), "password", PASSWORD, "token", "abcde-fghij")),
                400, "InvalidToken");
        error(post("com.atproto.server.deleteAccount", body("did", "not-a-did", "password", PASSWORD, "token", token)),
                400, "InvalidRequest");

        clock.advance(Duration.ofMinutes(16));
        error(post("com.atproto.server.deleteAccount", body("did", s.did().value(), "password", PASSWORD, "token", token)),
                400, "ExpiredToken");
        String fresh = refreshAndRequestToken(s);
        post("com.atproto.server.deleteAccount", body("did", s.did().value(), "password", PASSWORD, "token", fresh))
                .expectStatus().isOk();
        assertDeleted(s);
    }

    private String refreshAndRequestToken(Session s) {
        String access = login(s.handle(), PASSWORD).path("accessJwt").asString();
        postEmpty("com.atproto.server.requestAccountDelete", access).expectStatus().isOk();
        return capturedTokens.tokens.get(s.did());
    }

    private void assertDeleted(Session s) {
        error(post("com.atproto.server.createSession", body("identifier", s.handle(), "password", PASSWORD)),
                401, "AuthenticationRequired");
        assertThat(error(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()), 400, "InvalidToken")
                .path("message").asString()).isEqualTo("Account not found");
        error(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=" + s.handle()).exchange(), 400, "HandleNotFound");
        List<FirehoseFrame> events = events(s.did());
        assertThat(events).as("earlier events are purged").hasSize(1);
        assertThat(events.getFirst()).isInstanceOfSatisfying(AccountEvent.class, e -> {
            assertThat(e.active()).isFalse();
            assertThat(e.status()).isEqualTo("deleted");
        });
        assertThat(pdsJdbcClient.sql("SELECT COUNT(*) FROM repo_block WHERE did = ?").param(s.did().value())
                .query(Integer.class).single()).isZero();
        assertThat(pdsJdbcClient.sql("SELECT COUNT(*) FROM repo_root WHERE did = ?").param(s.did().value())
                .query(Integer.class).single()).isZero();
        Session again = createAccount(s.handle());
        assertThat(again.did()).as("the handle is free again, for a new DID").isNotEqualTo(s.did());
    }

    @Test
    void adminMethodsNeedTheAdminPassword() {
        Session s = createAccount();
        error(client().get().uri("/xrpc/com.atproto.admin.getAccountInfo?did=" + s.did()).exchange(), 401, "AuthMissing");
        error(client().get().uri("/xrpc/com.atproto.admin.getAccountInfo?did=" + s.did())
                .header("Authorization", "Basic YWRtaW46d3Jvbmc=").exchange(), 401, "AuthenticationRequired");
        error(get("com.atproto.admin.getAccountInfo?did=" + s.did(), s.accessJwt()), 401, "AuthenticationRequired");
        JsonNode info = json(adminGet("com.atproto.admin.getAccountInfo?did=" + s.did()).expectStatus().isOk());
        assertThat(info.path("handle").asString()).isEqualTo(s.handle());
        assertThat(info.path("email").asString()).isEqualTo(s.email());
        error(adminGet("com.atproto.admin.getAccountInfo?did=did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), 400, "AccountNotFound");
        Session t = createAccount();
        JsonNode infos = json(adminGet("com.atproto.admin.getAccountInfos?dids=" + s.did() + "&dids=" + t.did()
                + "&dids=did:plc:aaaaaaaaaaaaaaaaaaaaaaaa").expectStatus().isOk());
        assertThat(infos.path("infos")).hasSize(2);
    }

    @Test
    void aTakedownEndsSessionsAndLoginsUntilReversed() {
        Session s = createAccount();
        get("com.atproto.server.getSession", s.accessJwt()).expectStatus().isOk(); // its status is now cached
        JsonNode out = json(admin("com.atproto.admin.updateSubjectStatus",
                "{\"subject\":" + repoRef(s.did()) + ",\"takedown\":{\"applied\":true,\"ref\":\"case-17\"}}").expectStatus().isOk());
        assertThat(out.path("takedown").path("applied").asBoolean()).isTrue();
        error(get("com.atproto.server.getSession", s.accessJwt()), 400, "AccountTakedown");
        error(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()), 400, "AccountTakedown");
        error(post("com.atproto.server.createSession", body("identifier", s.handle(), "password", PASSWORD)), 401, "AccountTakedown");
        assertThat(events(s.did()).getLast()).isInstanceOfSatisfying(AccountEvent.class,
                e -> assertThat(e.status()).isEqualTo("takendown"));
        JsonNode status = json(adminGet("com.atproto.admin.getSubjectStatus?did=" + s.did()).expectStatus().isOk());
        assertThat(status.path("takedown").path("applied").asBoolean()).isTrue();
        assertThat(status.path("takedown").path("ref").asString()).isEqualTo("case-17");

        admin("com.atproto.admin.updateSubjectStatus", "{\"subject\":" + repoRef(s.did()) + ",\"takedown\":{\"applied\":false}}")
                .expectStatus().isOk();
        JsonNode back = login(s.handle(), PASSWORD);
        assertThat(back.path("active").asBoolean()).isTrue();
        error(postEmpty("com.atproto.server.refreshSession", s.refreshJwt()), 400, "ExpiredToken");
        assertThat(events(s.did()).getLast()).isInstanceOfSatisfying(AccountEvent.class, e -> assertThat(e.active()).isTrue());
        error(admin("com.atproto.admin.updateSubjectStatus", "{\"subject\":{\"$type\":\"com.atproto.repo.strongRef\","
                + "\"uri\":\"at://" + s.did() + "/app.bsky.feed.post/3jzfcijpj2z2a\",\"cid\":"
                + "\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm\"},\"takedown\":{\"applied\":true}}"),
                400, "InvalidRequest");
    }

    @Test
    void theAdministratorDeletesAccounts() {
        Session s = createAccount();
        get("com.atproto.server.getSession", s.accessJwt()).expectStatus().isOk(); // its status is now cached
        admin("com.atproto.admin.deleteAccount", body("did", s.did().value())).expectStatus().isOk();
        assertDeleted(s);
        error(admin("com.atproto.admin.deleteAccount", body("did", s.did().value())), 400, "AccountNotFound");
        error(get("com.atproto.server.getSession", s.accessJwt()), 400, "InvalidToken");
    }

    @Test
    void theAdministratorCreatesDidWebAccounts() {
        String handle = "agent.owned.example.org";
        String did = "did:web:owned.example.org";
        JsonNode out = json(client().post().uri("/xrpc/com.atproto.server.createAccount").header("Authorization", adminAuth())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("handle", handle, "password", PASSWORD, "did", did)).exchange().expectStatus().isOk());
        assertThat(out.path("did").asString()).isEqualTo(did);
        assertThat(out.path("handle").asString()).isEqualTo(handle);
        String access = out.path("accessJwt").asString();
        JsonNode creds = json(get("com.atproto.identity.getRecommendedDidCredentials", access).expectStatus().isOk());
        assertThat(creds.path("rotationKeys")).isEmpty();
        assertThat(creds.path("verificationMethods").path("atproto").asString()).startsWith("did:key:zQ3s");
        assertThat(creds.path("alsoKnownAs").get(0).asString()).isEqualTo("at://" + handle);
        assertThat(events(Did.parse(did))).hasSize(4);
        error(client().post().uri("/xrpc/com.atproto.server.createAccount").header("Authorization", adminAuth())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("handle", newHandle(), "password", PASSWORD, "did", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"))
                .exchange(), 400, "InvalidRequest");
        error(client().post().uri("/xrpc/com.atproto.server.createAccount").header("Authorization", adminAuth())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("handle", "other.owned.example.org", "password", PASSWORD, "did", did)).exchange(),
                400, "InvalidRequest");
    }

    @Test
    void oneAccountCannotActOnAnother() {
        Session a = createAccount();
        Session b = createAccount();
        postEmpty("com.atproto.server.requestAccountDelete", b.accessJwt()).expectStatus().isOk();
        String tokenOfB = capturedTokens.tokens.get(b.did());
        error(post("com.atproto.server.deleteAccount", body("did", b.did().value(), "password", PASSWORD + "!", "token", tokenOfB)),
                401, "AuthenticationRequired");
        error(postEmpty("com.atproto.server.deleteSession", a.accessJwt()), 400, "InvalidToken");
        post("com.atproto.server.revokeAppPassword", body("name", "whatever"), a.accessJwt()).expectStatus().isOk();
        assertThat(json(get("com.atproto.server.getSession", b.accessJwt()).expectStatus().isOk()).path("did").asString())
                .isEqualTo(b.did().value());
    }
}
