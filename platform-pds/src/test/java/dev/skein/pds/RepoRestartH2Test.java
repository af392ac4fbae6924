package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.account.SigningKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Revs keep increasing across a restart: the PDS is stopped and started again on the same data directory,
 * and the next commit's rev is above the last one before the stop, with {@code since} pointing at it and
 * the rev clock seeded above every stored rev.
 */
class RepoRestartH2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(PdsTestApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "skein.pds.data-dir=" + data,
                        "skein.pds.plc-url=" + TestPlc.url(), "skein.pds.password-hash-cost=14",
                        "skein.pds.rate-limits.enabled=false", "spring.main.banner-mode=off")
                .run();
    }

    private static WebTestClient client(ConfigurableApplicationContext c) {
        int port = ((WebServerApplicationContext) c).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static JsonNode post(WebTestClient client, String nsid, String body, String bearer) {
        var spec = client.post().uri("/xrpc/" + nsid).header("Content-Type", "application/json");
        if (bearer != null) {
            spec = spec.header("Authorization", "Bearer " + bearer);
        }
        byte[] out = spec.bodyValue(body).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return JSON.readTree(out);
    }

    private static String record(String did, String text) {
        return "{\"repo\":\"" + did + "\",\"collection\":\"app.bsky.feed.post\",\"record\":{\"text\":\"" + text
                + "\",\"createdAt\":\"2024-01-01T00:00:00Z\"}}";
    }

    @Test
    void revsIncreaseAcrossARestart() {
        Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "pds");
        String handle = "r" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x") + ".test";
        String did;
        String password = "restart password";
        String lastRev;
        try (ConfigurableApplicationContext first = start(data)) {
            WebTestClient c = client(first);
            JsonNode account = post(c, "com.atproto.server.createAccount",
                    "{\"handle\":\"" + handle + "\",\"email\":\"r@mail.example\",\"password\":\"" + password + "\"}", null);
            did = account.path("did").asString();
            String jwt = account.path("accessJwt").asString();
            for (int i = 0; i < 5; i++) {
                post(c, "com.atproto.repo.createRecord", record(did, "before " + i), jwt);
            }
            lastRev = first.getBean(JdbcClient.class).sql("SELECT rev FROM repo_root WHERE did = ?").param(did).query(String.class).single();
        }
        try (ConfigurableApplicationContext second = start(data)) {
            assertThat(second.getBean(TidClock.class).next()).as("the rev clock starts above every stored rev")
                    .isGreaterThan(Tid.parse(lastRev));
            WebTestClient c = client(second);
            String jwt = post(c, "com.atproto.server.createSession",
                    "{\"identifier\":\"" + handle + "\",\"password\":\"" + password + "\"}", null).path("accessJwt").asString();
            JsonNode after = post(c, "com.atproto.repo.createRecord", record(did, "after"), jwt);
            assertThat(after.path("commit").path("rev").asString()).isGreaterThan(lastRev);

            JdbcClient jdbc = second.getBean(JdbcClient.class);
            List<CommitEvent> commits = jdbc.sql("SELECT event FROM repo_seq WHERE did = ? ORDER BY seq").param(did)
                    .query((rs, n) -> FirehoseFrame.decode(rs.getBytes(1))).list().stream()
                    .filter(CommitEvent.class::isInstance).map(CommitEvent.class::cast).toList();
            assertThat(commits).hasSize(7);
            CommitEvent last = commits.getLast();
            assertThat(last.since().value()).isEqualTo(lastRev);
            CommitVerifier.verify(last, second.getBean(SigningKeys.class).load(Did.parse(did)).publicKey());
        }
    }
}
