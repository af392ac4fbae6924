package dev.skein.pds.sync;

import dev.skein.lexicon.nsid.ComAtproto;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells relays where this PDS is ({@code POST com.atproto.sync.requestCrawl {hostname}}), so they subscribe
 * to its event stream: once at start, and again when events appear after {@code interval} without a request
 * (the reference PDS waits 20 minutes between two).
 *
 * <p>A relay that cannot be reached (not started yet, or down) is asked again after {@code retry}, doubled on
 * each failure up to {@code interval}; its first failure is logged as a warning, the next ones only at debug
 * level until it answers. A relay that answers with an error has decided: it is asked again only after
 * {@code interval}. Requests run on a thread of their own, never the writer's.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>; {@code com.atproto.sync.requestCrawl}.
 */
public final class CrawlRequests implements AutoCloseable {
    static final String NSID = ComAtproto.Sync.REQUEST_CRAWL.value();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CrawlRequests.class);

    private final List<Relay> relays;
    private final Supplier<String> hostname;
    private final Duration interval;
    private final Duration retry;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pds-crawl-requests").daemon().factory());

    /**
     * @param relays the relays' base URLs
     * @param hostname this PDS's host name as relays reach it ({@code host} or {@code host:port}), known once
     *     its server has started
     */
    public CrawlRequests(List<URI> relays, Supplier<String> hostname, Duration interval, Duration retry, Clock clock) {
        this.relays = relays.stream().map(Relay::new).toList();
        this.hostname = hostname;
        this.interval = interval;
        this.retry = retry;
        this.clock = clock;
    }

    /** The host name a relay knows this PDS by: the public URL's host, with its port unless the scheme's default. */
    public static String hostname(URI publicUrl) {
        int port = publicUrl.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equals(publicUrl.getScheme()))
                || (port == 80 && "http".equals(publicUrl.getScheme()));
        return defaultPort ? publicUrl.getHost() : publicUrl.getHost() + ":" + port;
    }

    /** Asks every relay now (at start). */
    public void start() {
        for (Relay r : relays) {
            timer.execute(() -> r.request(true));
        }
    }

    /** New events: asks the relays not asked within the interval. Cheap; called by the live tail. */
    public void eventsAppeared() {
        for (Relay r : relays) {
            if (r.due()) {
                timer.execute(() -> r.request(false));
            }
        }
    }

    /** How many requests each relay answered with success, in the order configured (for tests and diagnostics). */
    public List<Integer> accepted() {
        return relays.stream().map(r -> r.accepted).toList();
    }

    /** How many requests were sent to each relay, answered or not. */
    public List<Integer> attempts() {
        return relays.stream().map(r -> r.attempts).toList();
    }

    /** Waits until the requests due now have been made (not the retries scheduled for later). */
    void awaitQueued() throws InterruptedException, ExecutionException {
        timer.submit(() -> { }).get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One relay's state; touched only on the timer's thread, except {@link #due}, which only reads. */
    private final class Relay {
        private final URI url;
        private volatile Instant lastAsked = Instant.MIN;
        private volatile boolean retrying;
        private int failures;
        private volatile int accepted;
        private volatile int attempts;

        Relay(URI base) {
            String s = base.toString();
            this.url = URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/xrpc/" + NSID);
        }

        boolean due() {
            return !retrying && !lastAsked.isAfter(clock.instant().minus(interval));
        }

        void request(boolean force) {
            if (!force && !due()) {
                return;
            }
            lastAsked = clock.instant();
            attempts++;
            String body = "{\"hostname\":\"" + hostname.get() + "\"}";
            HttpRequest req = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() / 100 == 2) {
                    accepted++;
                    if (failures > 0) {
                        log.info("relay {} reached after {} failed crawl requests", url, failures);
                    }
                    failures = 0;
                    retrying = false;
                } else if (res.statusCode() >= 500) {
                    failed("answered " + res.statusCode() + " " + abbreviate(res.body()));
                } else {
                    // The relay decided (a ban, a refusal): ask again only after the interval.
                    log.warn("relay {} refused the crawl request: {} {}", url, res.statusCode(), abbreviate(res.body()));
                    failures = 0;
                    retrying = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                failed(e.toString());
            }
        }

        private void failed(String why) {
            failures++;
            if (failures == 1) {
                log.warn("relay {} not reachable for a crawl request ({}); retrying with backoff", url, why);
            } else {
                log.debug("relay {} still not reachable ({} failures): {}", url, failures, why);
            }
            retrying = true;
            long delay = Math.min(interval.toMillis(), retry.toMillis() << Math.min(failures - 1, 30));
            timer.schedule(() -> request(true), delay, TimeUnit.MILLISECONDS);
        }

        private static String abbreviate(String s) {
            return s.length() <= 200 ? s : s.substring(0, 200) + "…";
        }
    }
}
