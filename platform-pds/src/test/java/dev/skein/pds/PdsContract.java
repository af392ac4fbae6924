package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.syntax.Did;
import dev.skein.pds.secrets.PdsSecrets;
import dev.skein.pds.secrets.Tokens;
import dev.skein.testsupport.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What every PDS contract test has: the role on a random port with output validation on, a real PLC
 * directory, the test clock, and helpers to make accounts and read answers. Subclasses pick the database
 * ({@link #h2}, {@link #postgres}).
 */
@SpringBootTest(classes = PdsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PdsContract {
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected PdsTestApplication.CapturedTokens capturedTokens;
    @Autowired
    protected PdsTestApplication.FakeDns dns;
    @Autowired
    protected JdbcClient pdsJdbcClient;
    @Autowired
    protected PdsSecrets secrets;

    /** An account made through createAccount, with its first session. */
    public record Session(Did did, String handle, String email, String accessJwt, String refreshJwt) {}

    @DynamicPropertySource
    static void common(DynamicPropertyRegistry registry) {
        registry.add("skein.pds.plc-url", TestPlc::url);
        registry.add("skein.pds.password-hash-cost", () -> "14");
        registry.add("skein.pds.validate-output", () -> "true");
        registry.add("server.address", () -> "127.0.0.1");
    }

    /** Embedded H2 in a fresh data directory. */
    protected static void h2(DynamicPropertyRegistry registry) {
        Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "pds");
        registry.add("skein.pds.data-dir", data::toString);
    }

    /** PostgreSQL, in the test class's schema. */
    protected static void postgres(DynamicPropertyRegistry registry, Supplier<PostgresDatabase> db) {
        Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "pds");
        registry.add("skein.pds.data-dir", data::toString);
        registry.add("skein.pds.datasource.url", () -> db.get().jdbcUrl());
        registry.add("skein.pds.datasource.username", () -> db.get().username());
        registry.add("skein.pds.datasource.password", () -> db.get().password());
        registry.add("skein.pds.datasource.schema", () -> db.get().schema());
        // Spring keeps test contexts cached; small pools keep a whole run under PostgreSQL's 100 connections.
        registry.add("skein.pds.datasource.max-pool-size", () -> "6");
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(175)).build();
    }

    protected static String newHandle() {
        return "a" + Tokens.random(8).replaceAll("[0-9]", "x") + ".test";
    }

    protected static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody(byte[].class).returnResult().getResponseBody();
        return JSON.readTree(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
    }

    protected static String body(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.putPOJO((String) keyValues[i], keyValues[i + 1]);
        }
        return JSON.writeValueAsString(node);
    }

    protected WebTestClient.ResponseSpec post(String nsid, String json) {
        return client().post().uri("/xrpc/" + nsid).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec post(String nsid, String json, String bearer) {
        return client().post().uri("/xrpc/" + nsid).header("Authorization", "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec postEmpty(String nsid, String bearer) {
        return client().post().uri("/xrpc/" + nsid).header("Authorization", "Bearer " + bearer).exchange();
    }

    protected WebTestClient.ResponseSpec get(String pathAndQuery, String bearer) {
        return client().get().uri("/xrpc/" + pathAndQuery).header("Authorization", "Bearer " + bearer).exchange();
    }

    protected String adminAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + secrets.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts the XRPC error: its status and name. */
    protected static JsonNode error(WebTestClient.ResponseSpec response, int status, String name) {
        response.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode e = json(response);
        assertThat(e.path("error").asString()).as("error name of %s", e).isEqualTo(name);
        return e;
    }

    protected Session createAccount(String handle) {
        String email = handle.substring(0, handle.indexOf('.')) + "@mail.example.com";
        JsonNode out = json(post("com.atproto.server.createAccount",
                body("handle", handle, "email", email, "password", PASSWORD)).expectStatus().isOk());
        return new Session(Did.parse(out.path("did").asString()), out.path("handle").asString(), email,
                out.path("accessJwt").asString(), out.path("refreshJwt").asString());
    }

    protected Session createAccount() {
        return createAccount(newHandle());
    }

    protected JsonNode login(String identifier, String password) {
        return json(post("com.atproto.server.createSession", body("identifier", identifier, "password", password))
                .expectStatus().isOk());
    }

    /** The account's events, oldest first, decoded from the stored frames. */
    protected List<FirehoseFrame> events(Did did) {
        return pdsJdbcClient.sql("SELECT event FROM repo_seq WHERE did = ? ORDER BY seq").param(did.value())
                .query((rs, n) -> FirehoseFrame.decode(rs.getBytes(1))).list();
    }

    protected List<Long> seqs(Did did) {
        return pdsJdbcClient.sql("SELECT seq FROM repo_seq WHERE did = ? ORDER BY seq").param(did.value())
                .query(Long.class).list();
    }

    /** The DID document the PLC directory serves for {@code did}. */
    protected JsonNode plcDocument(Did did) {
        return json(WebTestClient.bindToServer().baseUrl(TestPlc.url()).build().get().uri("/" + did).exchange()
                .expectStatus().isOk());
    }
}
