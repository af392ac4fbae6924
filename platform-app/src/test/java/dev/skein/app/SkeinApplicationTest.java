package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SkeinApplicationTest {
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "data");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("skein.data-dir", DATA::toString);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    BuildProperties build;

    @Test
    void healthAnswersWithTheBuildVersionLikeTheReferencePds() {
        assertThat(build.getVersion()).isNotBlank();
        client.get().uri("/xrpc/_health").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"version\":\"" + build.getVersion() + "\"}", JsonCompareMode.STRICT);
    }

    @Test
    void aMethodNoRoleServesIsMethodNotImplemented() {
        client.post().uri("/xrpc/com.atproto.repo.createRecord").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody()
                .jsonPath("$.error").isEqualTo("MethodNotImplemented")
                .jsonPath("$.message").isEqualTo("Method not implemented: com.atproto.repo.createRecord");
        client.get().uri("/xrpc/app.bsky.actor.getProfile?actor=alice.test").exchange()
                .expectStatus().isEqualTo(501)
                .expectBody().jsonPath("$.error").isEqualTo("MethodNotImplemented");
    }

    @Test
    void aPathBelowXrpcThatIsNoMethodIsAJsonNotFound() {
        client.get().uri("/xrpc/com.example.a/extra").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("XRPCNotSupported");
    }

    @Test
    void actuatorExposesHealthAndPrometheusMetrics() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
    }

    @Test
    void createsTheDataDirectory(@Autowired DataDirectory data) {
        assertThat(data.root()).isEqualTo(DATA.toAbsolutePath().normalize());
        assertThat(Files.isDirectory(data.root())).isTrue();
    }
}
