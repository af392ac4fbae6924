package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.identity.PlcService;
import dev.skein.core.identity.PlcTombstone;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every route of the HTTP API through a real server on a random port, on the embedded database: what the
 * reference directory answers (statuses, content types, bodies), and that a refused operation stores nothing.
 */
@SpringBootTest(classes = PlcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skein.plc.limits.ops-per-hour=3", "skein.plc.limits.max-request-bytes=16384"})
@AutoConfigureWebTestClient
class PlcHttpApiTest {
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "plc");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("skein.plc.data-dir", DATA::toString);
    }

    WebTestClient client;

    /** A generous response timeout: the build machine may be busy, and no test here is about speed. */
    @Autowired
    void client(WebTestClient client) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec post(Object did, String body) {
        return client.post().uri("/" + did).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void accepted(Object did, PlcOp op) {
        post(did, op.toJson()).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("OK");
    }

    /** The operation is refused with 400 and a message containing {@code expected}; the audit log is unchanged. */
    private void refused(TestIdentity id, PlcOp op, String expected) {
        String before = audit(id);
        post(id.did, op.toJson()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.message").value(String.class, m -> assertThat(m).containsIgnoringCase(expected));
        assertThat(audit(id)).isEqualTo(before);
    }

    /** The audit log as served, or the 404 answer for a DID the directory does not hold. */
    private String audit(TestIdentity id) {
        return client.get().uri("/" + id.did + "/log/audit").exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    private String get(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private void message(WebTestClient.ResponseSpec response, int status, String message) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"message\":" + JSON.writeValueAsString(message) + "}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void healthReportsTheVersion() {
        client.get().uri("/_health").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.version").isEqualTo("dev");
    }

    @Test
    void everyOriginMayReadAndPostAsWithTheReference() {
        client.options().uri("/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa").header("Origin", "https://console.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().valueEquals("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE")
                .expectHeader().valueEquals("Access-Control-Allow-Headers", "content-type");
        client.get().uri("/_health").header("Origin", "https://console.example").exchange()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
        client.get().uri("/did:plc:aaaaaaaaaaaaaaaaaaaaaaaa").header("Origin", "https://console.example").exchange()
                .expectStatus().isNotFound().expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aGenesisIsServedOnEveryReadRoute() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);

        String doc = client.get().uri("/" + alice.did).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/did+ld+json;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode d = JSON.readTree(doc);
        assertThat(d.get("id").asString()).isEqualTo(alice.did.value());
        assertThat(d.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(d.get("alsoKnownAs").get(0).asString()).isEqualTo("at://alice.test");
        assertThat(d.get("verificationMethod").get(0).get("id").asString()).isEqualTo(alice.did + "#atproto");
        assertThat(d.get("verificationMethod").get(0).get("type").asString()).isEqualTo("Multikey");
        assertThat(d.get("verificationMethod").get(0).get("controller").asString()).isEqualTo(alice.did.value());
        assertThat(d.get("verificationMethod").get(0).get("publicKeyMultibase").asString())
                .isEqualTo(alice.signing.publicKey().multibase());
        assertThat(d.get("service").get(0).get("id").asString()).isEqualTo("#atproto_pds");
        assertThat(d.get("service").get(0).get("type").asString()).isEqualTo("AtprotoPersonalDataServer");
        assertThat(d.get("service").get(0).get("serviceEndpoint").asString()).isEqualTo(TestIdentity.PDS.toString());
        DidDocument parsed = DidDocument.parse(doc);
        assertThat(parsed.handle()).contains(Handle.parse("alice.test"));
        assertThat(parsed.atprotoKey()).contains(alice.signing.publicKey());

        client.get().uri("/" + alice.did + "/data").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/json;charset=UTF-8")
                .expectBody().json(alice.genesis.state(alice.did).toJson(), JsonCompareMode.STRICT)
                .jsonPath("$.did").isEqualTo(alice.did.value());
        client.get().uri("/" + alice.did + "/log").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("[" + alice.genesis.toJson() + "]", JsonCompareMode.STRICT);
        client.get().uri("/" + alice.did + "/log/last").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json(alice.genesis.toJson(), JsonCompareMode.STRICT);
        JsonNode audit = JSON.readTree(get("/" + alice.did + "/log/audit"));
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("did").asString()).isEqualTo(alice.did.value());
        assertThat(audit.get(0).get("cid").asString()).isEqualTo(alice.genesis.cid().toString());
        assertThat(audit.get(0).get("nullified").asBoolean()).isFalse();
        assertThat(Instant.parse(audit.get(0).get("createdAt").asString())).isAfterOrEqualTo(PlcTestApplication.START);
        assertThat(audit.get(0).get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(audit.get(0).get("operation")).isEqualTo(JSON.readTree(alice.genesis.toJson()));
    }

    @Test
    void aPercentEncodedDidIsTheSameDid() {
        TestIdentity alice = new TestIdentity("alice.test");
        client.post().uri("/{did}", alice.did.value()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(alice.genesis.toJson()).exchange().expectStatus().isOk();

        client.get().uri(URI.create("http://localhost:" + port + "/did%3Aplc%3A" + alice.did.identifier())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(alice.did.value());
    }

    @Test
    void anUnknownDidIsNotRegisteredOnEveryRoute() {
        TestIdentity nobody = new TestIdentity("nobody.test");
        for (String suffix : List.of("", "/data", "/log", "/log/audit", "/log/last")) {
            message(client.get().uri("/" + nobody.did + suffix).exchange(), 404, "DID not registered: " + nobody.did);
        }
        message(client.get().uri("/not-a-did").exchange(), 404, "DID not registered: not-a-did");
        message(client.get().uri("/not-a-did/log").exchange(), 404, "DID not registered: not-a-did");
    }

    @Test
    void aTombstonedDidIsGoneButItsLogsRemain() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        PlcTombstone tombstone = alice.tombstone(alice.genesis, alice.rotation);
        accepted(alice.did, tombstone);

        message(client.get().uri("/" + alice.did).exchange(), 410, "DID not available: " + alice.did);
        message(client.get().uri("/" + alice.did + "/data").exchange(), 410, "DID not available: " + alice.did);
        assertThat(JSON.readTree(get("/" + alice.did + "/log/last"))).isEqualTo(JSON.readTree(tombstone.toJson()));
        assertThat(JSON.readTree(get("/" + alice.did + "/log")).size()).isEqualTo(2);
        assertThat(JSON.readTree(get("/" + alice.did + "/log/audit")).size()).isEqualTo(2);
        refused(alice, alice.rename(tombstone, "back.test", alice.recovery), "deactivated");
    }

    @Test
    void aRecoveryForkOverHttpNullifiesTheHijack() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        PlcOperation hijack = alice.rename(alice.genesis, "mallory.test", alice.rotation);
        accepted(alice.did, hijack);
        clock.advance(Duration.ofHours(10));
        PlcOperation recovery = alice.rename(alice.genesis, "alice.test", alice.recovery);
        accepted(alice.did, recovery);

        JsonNode audit = JSON.readTree(get("/" + alice.did + "/log/audit"));
        assertThat(audit.get(1).get("cid").asString()).isEqualTo(hijack.cid().toString());
        assertThat(audit.get(1).get("nullified").asBoolean()).isTrue();
        assertThat(audit.get(2).get("nullified").asBoolean()).isFalse();
        assertThat(JSON.readTree(get("/" + alice.did + "/log")))
                .containsExactly(JSON.readTree(alice.genesis.toJson()), JSON.readTree(recovery.toJson()));
        client.get().uri("/" + alice.did).exchange().expectBody().jsonPath("$.alsoKnownAs[0]").isEqualTo("at://alice.test");
        refused(alice, alice.rename(hijack, "mallory2.test", alice.rotation), "nullified");
    }

    @Test
    void operationsBreakingTheRulesAreRefusedWith400AndStoreNothing() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        TestIdentity bob = new TestIdentity("bob.test");

        refused(alice, alice.rename(alice.genesis, "x.test", alice.signing), "signature");
        refused(alice, alice.rename(bob.genesis, "x.test", alice.rotation), "not an operation of");
        TestIdentity carol = new TestIdentity("carol.test");
        refused(carol, bob.genesis, "hashes to");
        refused(alice, alice.genesis, "already");
        refused(bob, bob.rename(bob.genesis, "x.test", bob.rotation), "not a genesis");
        message(client.get().uri("/" + bob.did).exchange(), 404, "DID not registered: " + bob.did);
        message(client.get().uri("/" + carol.did).exchange(), 404, "DID not registered: " + carol.did);
    }

    @Test
    void aLateRecoveryIsRefused() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        accepted(alice.did, alice.rename(alice.genesis, "mallory.test", alice.rotation));
        clock.advance(Duration.ofHours(73));

        refused(alice, alice.rename(alice.genesis, "alice.test", alice.recovery), "cannot nullify");
    }

    @Test
    void badBodiesAreRefusedWithAMessage() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);

        refusedBody(alice, "{not json", "JSON");
        refusedBody(alice, "", "JSON");
        refusedBody(alice, "[]", "object");
        refusedBody(alice, "{\"type\":\"plc_operation\"}", "rotationKeys");
        refusedBody(alice, "{\"type\":\"plc_tombstone\",\"sig\":\"x\"}", "missing field \"prev\"");
        refusedBody(alice, alice.genesis.toJson().replace("\"prev\":null", "\"prev\":null,\"extra\":1"), "unknown field");
        post("not-a-did", alice.genesis.toJson()).expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                .isEqualTo("Not a DID: not-a-did");
        client.post().uri("/" + alice.did).contentType(MediaType.TEXT_PLAIN).bodyValue(alice.genesis.toJson()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(String.class,
                        m -> assertThat(m).contains("application/json"));
    }

    private void refusedBody(TestIdentity id, String body, String expected) {
        String before = audit(id);
        post(id.did, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.message").value(String.class, m -> assertThat(m).containsIgnoringCase(expected));
        assertThat(audit(id)).isEqualTo(before);
    }

    @Test
    void sizeLimitsAreRefusedBeforeAnythingIsStored() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        Map<String, PlcService> services = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            services.put("svc" + i, new PlcService("Example", "https://example.test/" + "x".repeat(480)));
        }
        PlcOperation big = new PlcOperation(alice.genesis.rotationKeys(), alice.genesis.verificationMethods(),
                alice.genesis.alsoKnownAs(), services, Optional.of(alice.genesis.cid()), Optional.empty()).sign(alice.rotation);
        refused(alice, big, "Operation too large");

        String before = get("/" + alice.did + "/log/audit");
        String padded = alice.rename(alice.genesis, "b.test", alice.rotation).toJson() + " ".repeat(16384);
        message(post(alice.did, padded), 413, "request entity too large (16384 bytes maximum)");
        assertThat(get("/" + alice.did + "/log/audit")).isEqualTo(before);
    }

    @Test
    void theRateLimitAnswersWithAMessage() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        PlcOperation second = alice.rename(alice.genesis, "a2.test", alice.rotation);
        accepted(alice.did, second);
        PlcOperation third = alice.rename(second, "a3.test", alice.rotation);
        accepted(alice.did, third);

        refused(alice, alice.rename(third, "a4.test", alice.rotation), "Too many operations");
    }

    @Test
    void aStoredLogThatDoesNotVerifyIsAnInternalErrorWithoutDetails() {
        TestIdentity alice = new TestIdentity("alice.test");
        accepted(alice.did, alice.genesis);
        JdbcClient.create(dataSource).sql("UPDATE operations SET nullified = TRUE WHERE did = ?").param(alice.did.value()).update();

        message(post(alice.did, alice.rename(alice.genesis, "b.test", alice.rotation).toJson()), 500, "Internal Server Error");
    }

    @Test
    void theExportPagesByTimeInJsonLines() {
        clock.advance(Duration.ofDays(1));
        Instant since = clock.instant().minusMillis(1);
        List<String> cids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestIdentity id = new TestIdentity("e" + i + ".test");
            accepted(id.did, id.genesis);
            PlcOperation renamed = id.rename(id.genesis, "f" + i + ".test", id.rotation);
            accepted(id.did, renamed);
            cids.add(id.genesis.cid().toString());
            cids.add(renamed.cid().toString());
        }

        List<String> seen = new ArrayList<>();
        String after = since.toString();
        while (true) {
            String body = client.get().uri("/export?count=4&after={after}", after).exchange().expectStatus().isOk()
                    .expectHeader().contentType("application/jsonlines")
                    .expectBody(String.class).returnResult().getResponseBody();
            if (body == null || body.isEmpty()) {
                break;
            }
            String[] lines = body.split("\n", -1);
            assertThat(lines.length).isLessThanOrEqualTo(4);
            for (String line : lines) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.propertyNames()).containsExactlyInAnyOrder("did", "operation", "cid", "nullified", "createdAt");
                seen.add(entry.get("cid").asString());
                after = entry.get("createdAt").asString();
            }
        }
        assertThat(seen).containsExactlyElementsOf(cids);

        String firstTen = client.get().uri("/export").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(firstTen.split("\n")).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void badExportQueriesAre400() {
        message(client.get().uri("/export?count=0").exchange(), 400, "Invalid count parameter");
        message(client.get().uri("/export?count=ten").exchange(), 400, "Invalid count parameter");
        message(client.get().uri("/export?after=yesterday").exchange(), 400, "Invalid after parameter");
        message(client.get().uri("/export?after=12345").exchange(), 400,
                "Invalid after parameter: sequence-number cursors are not supported, use a timestamp");
    }
}
