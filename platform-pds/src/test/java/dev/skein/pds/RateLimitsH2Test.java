package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rate limits (atproto-checklist 4.3): write points per account per hour and per day (3 a create, 2 a put,
 * 1 a delete), and calls per IP address; over budget is 429 {@code RateLimitExceeded} with the
 * {@code RateLimit-*} headers and {@code Retry-After}, and changes nothing. The budgets are tiny here, and
 * windows move with the test clock.
 */
class RateLimitsH2Test extends PdsContract {
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
        registry.add("skein.pds.rate-limits.per-ip", () -> "60");
        registry.add("skein.pds.rate-limits.per-ip-window", () -> "5m");
        registry.add("skein.pds.rate-limits.write-points-per-hour", () -> "10");
        registry.add("skein.pds.rate-limits.write-points-per-day", () -> "12");
    }

    private String create(Session s, String text) {
        ObjectNode in = JSON.createObjectNode().put("repo", s.did().value()).put("collection", "app.bsky.feed.post");
        in.putObject("record").put("text", text).put("createdAt", "2024-01-01T00:00:00Z");
        return JSON.writeValueAsString(in);
    }

    private long records(Session s) {
        return pdsJdbcClient.sql("SELECT COUNT(*) FROM record WHERE did = ?").param(s.did().value()).query(Long.class).single();
    }

    @Test
    void writePointsRunOutPerHourAndPerDay() {
        clock.advance(Duration.ofDays(2));
        Session s = createAccount();
        String rkey = null;
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<byte[]> ok = post("com.atproto.repo.createRecord", create(s, "n" + i), s.accessJwt())
                    .expectStatus().isOk().expectBody().returnResult();
            HttpHeaders h = ok.getResponseHeaders();
            assertThat(h.getFirst("RateLimit-Limit")).isNotNull();
            assertThat(h.getFirst("RateLimit-Policy")).matches("\\d+;w=\\d+");
            assertThat(h.getFirst("Access-Control-Expose-Headers")).contains("RateLimit-Remaining");
            String uri = JSON.readTree(ok.getResponseBody()).path("uri").asString();
            rkey = uri.substring(uri.lastIndexOf('/') + 1);
        }
        var refused = post("com.atproto.repo.createRecord", create(s, "too many"), s.accessJwt());
        refused.expectHeader().valueEquals("RateLimit-Limit", "10")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Policy", "10;w=3600")
                .expectHeader().exists("RateLimit-Reset")
                .expectHeader().exists("Retry-After");
        error(refused, 429, "RateLimitExceeded");
        assertThat(records(s)).isEqualTo(3);

        String del = "{\"repo\":\"" + s.did() + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\"}";
        post("com.atproto.repo.deleteRecord", del, s.accessJwt()).expectStatus().isOk();

        clock.advance(Duration.ofMinutes(61));
        Session fresh = new Session(s.did(), s.handle(), s.email(), login(s.handle(), PASSWORD).path("accessJwt").asString(), null);
        var daily = post("com.atproto.repo.createRecord", create(fresh, "next hour"), fresh.accessJwt());
        daily.expectHeader().valueEquals("RateLimit-Policy", "12;w=86400");
        error(daily, 429, "RateLimitExceeded");
        assertThat(records(s)).isEqualTo(2);
        String one = "{\"repo\":\"" + s.did() + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3kaaaaaaaaa22\"}";
        post("com.atproto.repo.deleteRecord", one, fresh.accessJwt()).expectStatus().isOk();
    }

    @Test
    void callsPerIpAddressRunOut() {
        clock.advance(Duration.ofDays(3));
        int ok = 0;
        while (true) {
            var r = client().get().uri("/xrpc/com.atproto.server.describeServer").exchange();
            EntityExchangeResult<byte[]> result = r.expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                assertThat(JSON.readTree(result.getResponseBody()).path("error").asString()).isEqualTo("RateLimitExceeded");
                assertThat(result.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("60;w=300");
                assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 300L);
                break;
            }
            assertThat(result.getStatus().value()).isEqualTo(200);
            ok++;
            assertThat(ok).as("the budget ends").isLessThanOrEqualTo(60);
        }
        assertThat(ok).isPositive();
        clock.advance(Duration.ofMinutes(5));
        client().get().uri("/xrpc/com.atproto.server.describeServer").exchange().expectStatus().isOk();
    }
}
