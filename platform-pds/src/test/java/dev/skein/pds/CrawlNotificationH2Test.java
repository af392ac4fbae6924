package dev.skein.pds;

import static dev.skein.pds.FirehoseClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PDS with {@code skein.pds.crawlers} set: it asks the relay to crawl it once started, under the host name
 * its accounts' DID documents carry, and again when events come after the interval.
 */
class CrawlNotificationH2Test extends SyncContract {
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static HttpServer relay;

    private static synchronized String relayUrl() {
        if (relay == null) {
            try {
                relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            relay.createContext("/xrpc/com.atproto.sync.requestCrawl", exchange -> {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            relay.start();
        }
        return "http://127.0.0.1:" + relay.getAddress().getPort();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
        registry.add("skein.pds.crawlers", CrawlNotificationH2Test::relayUrl);
    }

    @AfterAll
    static void stopRelay() {
        relay.stop(0);
    }

    @Test
    void theRelayIsAskedAtStartAndWhenEventsComeAfterTheInterval() {
        assertThat(eventually(() -> !requests.isEmpty())).as("asked at start").isTrue();
        assertThat(requests.getFirst()).isEqualTo("{\"hostname\":\"localhost:" + port + "\"}");
        int before = requests.size();
        Session s = createAccount();
        post(s, "within the interval");
        clock.advance(Duration.ofMinutes(21));
        post(s, "after the interval");
        assertThat(eventually(() -> requests.size() == before + 1)).as("asked again once").isTrue();
    }
}
