package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.Commit;
import dev.skein.core.syntax.Did;
import dev.skein.pds.secrets.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Accounts: describeServer, createAccount and its errors, login, handles, the well-known route, account status. */
public abstract class AccountsContract extends PdsContract {

    @Test
    void describeServerNamesTheServiceAndItsHandleDomains() {
        JsonNode d = json(client().get().uri("/xrpc/com.atproto.server.describeServer").exchange().expectStatus().isOk());
        assertThat(d.path("did").asString()).isEqualTo("did:web:localhost");
        assertThat(d.path("availableUserDomains").get(0).asString()).isEqualTo(".test");
        assertThat(d.path("inviteCodeRequired").asBoolean()).isFalse();
        assertThat(d.path("blobUploadLimit").asLong()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void createAccountRegistersADidPlcWithThisPdsAndAnEmptySignedRepo() {
        Session s = createAccount();
        assertThat(s.did().method()).isEqualTo("plc");

        JsonNode doc = plcDocument(s.did());
        assertThat(doc.path("alsoKnownAs").get(0).asString()).isEqualTo("at://" + s.handle());
        assertThat(doc.path("service").get(0).path("serviceEndpoint").asString()).isEqualTo("http://localhost:" + port);
        String multibase = doc.path("verificationMethod").get(0).path("publicKeyMultibase").asString();

        List<FirehoseFrame> events = events(s.did());
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOfSatisfying(IdentityEvent.class,
                e -> assertThat(e.handle().value()).isEqualTo(s.handle()));
        assertThat(events.get(1)).isInstanceOfSatisfying(AccountEvent.class, e -> {
            assertThat(e.active()).isTrue();
            assertThat(e.status()).isNull();
        });
        CommitEvent commit = (CommitEvent) events.get(2);
        assertThat(commit.since()).isNull();
        assertThat(commit.prevData()).isNull();
        assertThat(commit.ops()).isEmpty();
        assertThat(events.get(3)).isInstanceOfSatisfying(SyncEvent.class, e -> assertThat(e.rev()).isEqualTo(commit.rev()));
        List<Long> seqs = seqs(s.did());
        assertThat(seqs).isSorted().doesNotHaveDuplicates();

        byte[] block = pdsJdbcClient.sql("SELECT bytes FROM repo_block WHERE did = ? AND cid = ?")
                .param(s.did().value()).param(commit.commit().toString()).query(byte[].class).single();
        Commit signed = Commit.fromBytes(block);
        assertThat(signed.verify(Multikey.parse(multibase))).as("the commit verifies with the key in the DID document").isTrue();
        assertThat(pdsJdbcClient.sql("SELECT commit_cid FROM repo_root WHERE did = ?").param(s.did().value())
                .query(String.class).single()).isEqualTo(commit.commit().toString());
    }

    @Test
    void aRecoveryKeyComesFirstInTheRotationKeys() {
        SigningKey recovery = SigningKey.generate(Curve.P256);
        JsonNode out = json(post("com.atproto.server.createAccount", body("handle", newHandle(),
                "email", uniqueEmail(), "password", PASSWORD, "recoveryKey", recovery.publicKey().didKey())).expectStatus().isOk());
        Did did = Did.parse(out.path("did").asString());
        JsonNode data = json(WebTestClient.bindToServer().baseUrl(TestPlc.url())
                .build().get().uri("/" + did + "/data").exchange().expectStatus().isOk());
        assertThat(data.path("rotationKeys").get(0).asString()).isEqualTo(recovery.publicKey().didKey());
        assertThat(data.path("rotationKeys").get(1).asString()).isEqualTo(secrets.plcRotationKey().publicKey().didKey());
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", uniqueEmail(),
                "password", PASSWORD, "recoveryKey", "did:key:nonsense")), 400, "InvalidRequest");
    }

    @Test
    void createAccountRefusesBadInput() {
        error(post("com.atproto.server.createAccount", "{\"handle\":"), 400, "InvalidRequest");
        assertThat(error(post("com.atproto.server.createAccount", body("email", "x@y.example", "password", PASSWORD)),
                400, "InvalidRequest").path("message").asString()).contains("handle");
        error(post("com.atproto.server.createAccount", "{\"handle\":5,\"password\":\"p\"}"), 400, "InvalidRequest");
        error(post("com.atproto.server.createAccount", body("handle", "under_score.test", "email", "u@mail.example",
                "password", PASSWORD)), 400, "InvalidRequest");
        error(post("com.atproto.server.createAccount", body("handle", "alice.local", "email", "u@mail.example",
                "password", PASSWORD)), 400, "InvalidHandle");
        error(post("com.atproto.server.createAccount", body("handle", "alice.example.com", "email", "u@mail.example",
                "password", PASSWORD)), 400, "UnsupportedDomain");
        error(post("com.atproto.server.createAccount", body("handle", "al.test", "email", "u@mail.example",
                "password", PASSWORD)), 400, "InvalidHandle");
        error(post("com.atproto.server.createAccount", body("handle", "a.bcd.test", "email", "u@mail.example",
                "password", PASSWORD)), 400, "InvalidHandle");
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "password", PASSWORD)), 400, "InvalidRequest");
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", "not-an-email",
                "password", PASSWORD)), 400, "InvalidRequest");
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", "u@mail.example")), 400, "InvalidPassword");
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", "u@mail.example",
                "password", "x".repeat(257))), 400, "InvalidPassword");
        error(post("com.atproto.server.createAccount", "{\"handle\":\"" + newHandle() + "\",\"email\":\"u@mail.example\","
                + "\"password\":\"p\",\"plcOp\":{}}"), 400, "InvalidRequest");
        error(client().post().uri("/xrpc/com.atproto.server.createAccount").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello").exchange(), 415, "UnsupportedMediaType");
    }

    @Test
    void handlesAndEmailsAreUniqueWhateverTheirCase() {
        Session s = createAccount();
        error(post("com.atproto.server.createAccount", body("handle", s.handle().toUpperCase(), "email", "other@mail.example",
                "password", PASSWORD)), 400, "HandleNotAvailable");
        assertThat(error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", s.email().toUpperCase(),
                "password", PASSWORD)), 400, "InvalidRequest").path("message").asString()).startsWith("Email already taken");
    }

    @Test
    void bringingADidNeedsTheAdministrator() {
        error(post("com.atproto.server.createAccount", body("handle", newHandle(), "email", "w@mail.example",
                "password", PASSWORD, "did", "did:web:agent.example.com")), 401, "AuthenticationRequired");
    }

    @Test
    void createSessionAcceptsHandleEmailOrDidAndRefusesAnythingElseAlike() {
        Session s = createAccount();
        for (String id : List.of(s.handle(), s.handle().toUpperCase(), s.email().toUpperCase(), s.did().value())) {
            JsonNode out = login(id, PASSWORD);
            assertThat(out.path("did").asString()).isEqualTo(s.did().value());
            assertThat(out.path("handle").asString()).isEqualTo(s.handle());
            assertThat(out.path("email").asString()).isEqualTo(s.email());
            assertThat(out.path("active").asBoolean()).isTrue();
            assertThat(out.has("didDoc")).isFalse();
        }
        JsonNode wrong = error(post("com.atproto.server.createSession", body("identifier", s.handle(), "password", "nope")),
                401, "AuthenticationRequired");
        assertThat(wrong.path("message").asString()).isEqualTo("Invalid identifier or password");
        error(post("com.atproto.server.createSession", body("identifier", "nobody.test", "password", PASSWORD)),
                401, "AuthenticationRequired");
        error(post("com.atproto.server.createSession", body("identifier", "not a handle", "password", PASSWORD)),
                401, "AuthenticationRequired");
        error(post("com.atproto.server.createSession", body("identifier", s.handle())), 400, "InvalidRequest");
    }

    @Test
    void resolveHandleFindsAccountsHereAndHandlesElsewhereByDns() {
        Session s = createAccount();
        assertThat(json(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=" + s.handle().toUpperCase())
                .exchange().expectStatus().isOk()).path("did").asString()).isEqualTo(s.did().value());
        error(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=nobody.test").exchange(), 400, "HandleNotFound");
        error(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=bad_handle").exchange(), 400, "InvalidRequest");
        dns.claim("agent.elsewhere.example.org", s.did());
        assertThat(json(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=agent.elsewhere.example.org")
                .exchange().expectStatus().isOk()).path("did").asString()).isEqualTo(s.did().value());
        error(client().get().uri("/xrpc/com.atproto.identity.resolveHandle?handle=unknown.elsewhere.example.org").exchange(),
                400, "HandleNotFound");
    }

    @Test
    void theWellKnownRouteAnswersForTheHandleInTheHostHeader() {
        Session s = createAccount();
        client().get().uri("/.well-known/atproto-did").header("Host", s.handle() + ":" + port).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo(s.did().value());
        client().get().uri("/.well-known/atproto-did").header("Host", "nobody.test").exchange().expectStatus().isNotFound();
        client().get().uri("/.well-known/atproto-did").header("Host", "127.0.0.1").exchange().expectStatus().isNotFound();
    }

    @Test
    void updateHandlePublishesAPlcOperationAndAnIdentityEvent() {
        Session s = createAccount();
        String next = newHandle();
        post("com.atproto.identity.updateHandle", body("handle", next), s.accessJwt()).expectStatus().isOk();
        assertThat(plcDocument(s.did()).path("alsoKnownAs").get(0).asString()).isEqualTo("at://" + next);
        assertThat(json(get("com.atproto.server.getSession", s.accessJwt()).expectStatus().isOk()).path("handle").asString())
                .isEqualTo(next);
        assertThat(events(s.did()).getLast()).isInstanceOfSatisfying(IdentityEvent.class,
                e -> assertThat(e.handle().value()).isEqualTo(next));
        assertThat(login(next, PASSWORD).path("did").asString()).isEqualTo(s.did().value());
        error(post("com.atproto.server.createSession", body("identifier", s.handle(), "password", PASSWORD)),
                401, "AuthenticationRequired");

        Session other = createAccount();
        error(post("com.atproto.identity.updateHandle", body("handle", other.handle()), s.accessJwt()), 400, "HandleNotAvailable");
        error(post("com.atproto.identity.updateHandle", body("handle", "agent.notmine.example.org"), s.accessJwt()),
                400, "InvalidHandle");
        dns.claim("agent.mine.example.org", s.did());
        post("com.atproto.identity.updateHandle", body("handle", "agent.mine.example.org"), s.accessJwt()).expectStatus().isOk();
        assertThat(plcDocument(s.did()).path("alsoKnownAs").get(0).asString()).isEqualTo("at://agent.mine.example.org");
        error(post("com.atproto.identity.updateHandle", body("handle", "x"), s.accessJwt()), 400, "InvalidRequest");
        error(post("com.atproto.identity.updateHandle", body("handle", newHandle())), 401, "AuthMissing");
    }

    @Test
    void checkAccountStatusSeesTheRepoAndAValidDid() {
        Session s = createAccount();
        JsonNode status = json(get("com.atproto.server.checkAccountStatus", s.accessJwt()).expectStatus().isOk());
        assertThat(status.path("activated").asBoolean()).isTrue();
        assertThat(status.path("validDid").asBoolean()).isTrue();
        assertThat(status.path("repoBlocks").asLong()).isEqualTo(2);
        assertThat(status.path("indexedRecords").asLong()).isZero();
        assertThat(status.path("repoRev").asString()).hasSize(13);
    }

    @Test
    void getRecommendedDidCredentialsDescribesTheAccountHere() {
        Session s = createAccount();
        JsonNode c = json(get("com.atproto.identity.getRecommendedDidCredentials", s.accessJwt()).expectStatus().isOk());
        JsonNode doc = plcDocument(s.did());
        assertThat(c.path("alsoKnownAs").get(0).asString()).isEqualTo("at://" + s.handle());
        assertThat(c.path("rotationKeys").get(0).asString()).isEqualTo(secrets.plcRotationKey().publicKey().didKey());
        assertThat(c.path("verificationMethods").path("atproto").asString())
                .isEqualTo("did:key:" + doc.path("verificationMethod").get(0).path("publicKeyMultibase").asString());
        assertThat(c.path("services").path("atproto_pds").path("endpoint").asString()).isEqualTo("http://localhost:" + port);
    }

    private static String uniqueEmail() {
        return "m" + Tokens.random(12) + "@mail.example.com";
    }
}
