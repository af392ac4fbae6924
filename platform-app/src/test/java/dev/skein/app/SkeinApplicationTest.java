package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The process with every role, each on a random port: what each serves, and that the PDS registers accounts at the local PLC role. */
@SpringBootTest(classes = SkeinApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "server.port=0")
class SkeinApplicationTest {
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "data");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("skein.data-dir", DATA::toString);
        registry.add("skein.pds.password-hash-cost", () -> "14");
    }

    @Autowired
    RoleContexts roles;

    private WebTestClient client(Role role) {
        URI url = roles.url(role).orElseThrow();
        return WebTestClient.bindToServer().baseUrl(url.toString()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void everyRoleRunsOnItsOwnPort() {
        assertThat(roles.urls()).containsOnlyKeys(Role.values());
        assertThat(roles.urls().values().stream().map(URI::getPort).distinct()).hasSize(Role.values().length);
    }

    @Test
    void healthAnswersWithTheBuildVersionLikeTheReferencePds() {
        BuildProperties build = roles.context(Role.PLATFORM).orElseThrow().getBean(BuildProperties.class);
        assertThat(build.getVersion()).isNotBlank();
        for (Role role : new Role[] {Role.PLATFORM, Role.PDS}) {
            client(role).get().uri("/xrpc/_health").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody().json("{\"version\":\"" + build.getVersion() + "\"}", JsonCompareMode.STRICT);
        }
    }

    @Test
    void aMethodTheRoleDoesNotServeIsMethodNotImplemented() {
        client(Role.PLATFORM).post().uri("/xrpc/com.atproto.repo.createRecord").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody()
                .jsonPath("$.error").isEqualTo("MethodNotImplemented")
                .jsonPath("$.message").isEqualTo("Method not implemented: com.atproto.repo.createRecord");
        client(Role.PDS).get().uri("/xrpc/app.bsky.actor.getProfile?actor=alice.test").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody().jsonPath("$.error").isEqualTo("MethodNotImplemented");
    }

    @Test
    void aPathBelowXrpcThatIsNoMethodIsAJsonNotFound() {
        client(Role.PLATFORM).get().uri("/xrpc/com.example.a/extra").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("XRPCNotSupported");
    }

    @Test
    void actuatorExposesHealthAndPrometheusMetricsOnEveryRole() {
        for (Role role : Role.values()) {
            client(role).get().uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            client(role).get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
        }
    }

    @Test
    void eachRoleKeepsItsDataInItsOwnFolder() {
        Path root = DATA.toAbsolutePath().normalize();
        assertThat(Files.isDirectory(root.resolve("plc"))).isTrue();
        assertThat(Files.isRegularFile(root.resolve("pds").resolve("secrets.properties"))).isTrue();
        assertThat(Files.isRegularFile(root.resolve("pds").resolve("pds.mv.db"))).isTrue();
        assertThat(Files.isRegularFile(root.resolve("plc").resolve("plc.mv.db"))).isTrue();
    }

    @Test
    void thePdsRegistersAccountsAtThePlcRoleOfThisProcess() {
        JsonNode created = new ObjectMapper().readTree(client(Role.PDS).post().uri("/xrpc/com.atproto.server.createAccount")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"handle\":\"alice.test\",\"email\":\"alice@mail.example.com\",\"password\":\"hunter22\"}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        String did = created.path("did").asString();
        assertThat(did).startsWith("did:plc:");
        client(Role.PLC).get().uri("/" + did).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.alsoKnownAs[0]").isEqualTo("at://alice.test")
                .jsonPath("$.service[0].serviceEndpoint").isEqualTo("http://localhost:" + roles.url(Role.PDS).orElseThrow().getPort());
    }

    @Test
    void thePlatformPublishesItsLexiconsInTheAuthorityAccount() {
        JsonNode authority = new ObjectMapper().readTree(client(Role.PDS).get()
                .uri("/.well-known/skein-lexicon-authority").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String did = authority.path("did").asString();
        assertThat(did).startsWith("did:plc:");
        client(Role.PDS).get().uri("/xrpc/com.atproto.repo.getRecord?repo=" + did
                        + "&collection=com.atproto.lexicon.schema&rkey=agent.trust.endorsement").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.value.id").isEqualTo("agent.trust.endorsement")
                .jsonPath("$.value.$type").isEqualTo("com.atproto.lexicon.schema");
    }
}
