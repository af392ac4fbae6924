package dev.skein.pds.sync;

import static dev.skein.pds.FirehoseClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.skein.pds.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Crawl requests to relays: at start, again after the interval when events come, retried while a relay is down. */
class CrawlRequestsTest {
    private static final Duration INTERVAL = Duration.ofMinutes(20);
    private static final Duration RETRY = Duration.ofMillis(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    /** A relay that records the bodies of crawl requests and answers {@code status}. */
    private record Relay(HttpServer server, List<String> bodies) {
        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    private Relay relay(int port, int status) throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/xrpc/com.atproto.sync.requestCrawl", exchange -> {
            bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return new Relay(server, bodies);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void relaysAreAskedAtStartAndAgainWhenEventsComeAfterTheInterval() throws Exception {
        Relay relay = relay(0, 200);
        try (CrawlRequests crawl = new CrawlRequests(List.of(relay.url()), () -> "pds.example.com:2583", INTERVAL, RETRY, clock)) {
            crawl.start();
            crawl.awaitQueued();
            assertThat(relay.bodies()).containsExactly("POST application/json {\"hostname\":\"pds.example.com:2583\"}");

            crawl.eventsAppeared();
            clock.advance(INTERVAL.minusMinutes(1));
            crawl.eventsAppeared();
            crawl.awaitQueued();
            assertThat(crawl.attempts()).as("not again within the interval").containsExactly(1);

            clock.advance(Duration.ofMinutes(1));
            crawl.eventsAppeared();
            crawl.eventsAppeared();
            crawl.awaitQueued();
            assertThat(crawl.accepted()).containsExactly(2);
            assertThat(relay.bodies()).hasSize(2);
        }
    }

    @Test
    void aRelayThatIsNotUpYetIsAskedAgainUntilItAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        try (CrawlRequests crawl = new CrawlRequests(List.of(url), () -> "localhost:2583", INTERVAL, RETRY, clock)) {
            crawl.start();
            assertThat(eventually(() -> crawl.attempts().getFirst() >= 3)).as("retried with backoff").isTrue();
            assertThat(crawl.accepted()).containsExactly(0);
            Relay late = relay(port, 200);
            assertThat(eventually(() -> crawl.accepted().getFirst() == 1)).as("reached once it is up").isTrue();
            assertThat(late.bodies()).hasSize(1);
            int attempts = crawl.attempts().getFirst();
            crawl.eventsAppeared();
            crawl.awaitQueued();
            assertThat(crawl.attempts()).as("no more retries once it answered").containsExactly(attempts);
        }
    }

    @Test
    void aRelayThatRefusesIsNotAskedAgainBeforeTheInterval() throws Exception {
        Relay refusing = relay(0, 403);
        Relay ok = relay(0, 200);
        try (CrawlRequests crawl = new CrawlRequests(List.of(refusing.url(), ok.url()), () -> "localhost:2583", INTERVAL, RETRY, clock)) {
            crawl.start();
            crawl.awaitQueued();
            crawl.eventsAppeared();
            crawl.awaitQueued();
            assertThat(crawl.attempts()).containsExactly(1, 1);
            assertThat(crawl.accepted()).containsExactly(0, 1);
            clock.advance(INTERVAL);
            crawl.eventsAppeared();
            crawl.awaitQueued();
            assertThat(crawl.attempts()).containsExactly(2, 2);
        }
    }

    @Test
    void theHostnameIsThePublicUrlsHostWithANonDefaultPort() {
        assertThat(CrawlRequests.hostname(URI.create("https://pds.example.com"))).isEqualTo("pds.example.com");
        assertThat(CrawlRequests.hostname(URI.create("https://pds.example.com:443"))).isEqualTo("pds.example.com");
        assertThat(CrawlRequests.hostname(URI.create("http://localhost:2583"))).isEqualTo("localhost:2583");
        assertThat(CrawlRequests.hostname(URI.create("http://localhost:80"))).isEqualTo("localhost");
    }
}
