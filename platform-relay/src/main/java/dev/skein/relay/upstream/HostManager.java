package dev.skein.relay.upstream;

import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import dev.skein.relay.host.InvalidHostException;
import dev.skein.relay.ingest.HostLimits;
import dev.skein.relay.store.HostRecord;
import dev.skein.relay.store.HostStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's upstream hosts: keeps one {@link HostConnection} per active host, adds hosts from configuration and
 * from {@code requestCrawl}, and applies the operator's bans and limits. Also the {@link HostLimits} of the ingest
 * pipeline.
 */
public final class HostManager implements HostLimits, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostManager.class);

    private final HostStore store;
    private final FrameHandler handler;
    private final HostCursors cursors;
    private final UpstreamSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Map<Host, HostConnection> connections = new ConcurrentHashMap<>();
    private final Map<Host, HostRecord> records = new ConcurrentHashMap<>();

    /**
     * @param resumeCursor given the stored cursor of a host, the cursor to connect with: the ingest pipeline may be
     *     ahead of the store (frames processed but not yet committed), never behind
     */
    public HostManager(HostStore store, FrameHandler handler, HostCursors resumeCursor, UpstreamSettings settings, Clock clock) {
        this.store = store;
        this.handler = handler;
        this.cursors = resumeCursor;
        this.settings = settings;
        this.clock = clock;
        this.http = UpstreamHttp.client(settings.requestTimeout());
    }

    /** Where a host's subscription resumes. */
    public interface HostCursors {
        /** Called before each (re)connection with the host's stored cursor; returns the cursor to use. */
        long resume(Host host, long stored);
    }

    /** Adds the configured hosts (if new) and connects to every host not banned, offline or idle. */
    public void start(List<Host> configured) {
        for (Host h : configured) {
            if (store.find(h).isEmpty()) {
                store.save(newRecord(h));
            }
        }
        for (HostRecord r : store.list(null, Integer.MAX_VALUE)) {
            records.put(r.host(), r);
            if (r.status() == HostStatus.ACTIVE || r.status() == HostStatus.THROTTLED || configured.contains(r.host())) {
                connect(r);
            }
        }
    }

    /**
     * Handles {@code com.atproto.sync.requestCrawl}: checks the hostname against bans and the allow and deny lists,
     * checks that the host answers {@code describeServer} and is not a relay, then subscribes (a known host resumes
     * from its cursor, a new one starts from its current position).
     *
     * @param admin whether the caller is the relay's operator (who may crawl local hosts and bypass the lists)
     */
    public HostRecord requestCrawl(String hostname, boolean admin) {
        Host host;
        try {
            host = Host.parse(hostname);
        } catch (InvalidHostException e) {
            throw new CrawlException(CrawlException.Reason.INVALID_REQUEST, e.getMessage());
        }
        if (!admin && !settings.publicCrawl()) {
            throw new CrawlException(CrawlException.Reason.FORBIDDEN, "this relay does not take crawl requests");
        }
        Optional<HostRecord> known = store.find(host);
        if (known.map(r -> r.status() == HostStatus.BANNED).orElse(false) || (!admin && matches(settings.deniedHosts(), host))) {
            throw new CrawlException(CrawlException.Reason.HOST_BANNED, host + " is banned from this relay");
        }
        if (!admin && !settings.allowedHosts().isEmpty() && !matches(settings.allowedHosts(), host)) {
            throw new CrawlException(CrawlException.Reason.FORBIDDEN, host + " is not on this relay's list of hosts");
        }
        if (!ssl(host) && !admin && !settings.allowInsecureHosts()) {
            throw new CrawlException(CrawlException.Reason.INVALID_REQUEST, "this relay requires hosts with SSL");
        }
        if (known.isEmpty() && !admin
                && store.countCreatedSince(clock.instant().minus(java.time.Duration.ofDays(1))) >= settings.newHostsPerDay()) {
            throw new CrawlException(CrawlException.Reason.FORBIDDEN, "this relay takes no more new hosts today");
        }
        checkHost(host);
        HostRecord r = known.map(k -> k.status() == HostStatus.ACTIVE ? k : k.withStatus(HostStatus.ACTIVE))
                .orElseGet(() -> newRecord(host));
        store.save(r);
        records.put(host, r);
        HostConnection c = connections.get(host);
        if (c == null || !c.running()) {
            connect(r);
        }
        return r;
    }

    /** Bans a host: disconnects it and refuses it from now on. */
    public void ban(Host host) {
        HostRecord r = store.find(host).orElseGet(() -> newRecord(host)).withStatus(HostStatus.BANNED);
        store.save(r);
        records.put(host, r);
        disconnect(host);
    }

    /** Lifts a ban; the host is connected again at its next crawl request (or now, if {@code reconnect}). */
    public void unban(Host host, boolean reconnect) {
        store.find(host).ifPresent(r -> {
            HostRecord next = r.withStatus(reconnect ? HostStatus.ACTIVE : HostStatus.IDLE);
            store.save(next);
            records.put(host, next);
            if (reconnect) {
                connect(next);
            }
        });
    }

    /** Changes a host's account limit and rate limit. */
    public Optional<HostRecord> setLimits(Host host, long accountLimit, int eventsPerSecond) {
        return store.find(host).map(r -> {
            HostRecord next = r.withLimits(accountLimit, eventsPerSecond);
            store.save(next);
            records.put(host, next);
            HostConnection c = connections.get(host);
            if (c != null) {
                c.setEventsPerSecond(eventsPerSecond);
            }
            return next;
        });
    }

    @Override
    public long accountLimit(Host host) {
        HostRecord r = records.get(host);
        return r == null ? settings.defaultAccountLimit() : r.accountLimit();
    }

    /** The host's stored record with its live status. */
    public Optional<HostRecord> status(Host host) {
        return store.find(host).map(this::live);
    }

    /** Hosts in hostname order after {@code after}, with their live status. */
    public List<HostRecord> list(Host after, int limit) {
        return store.list(after, limit).stream().map(this::live).toList();
    }

    /** The base URL for HTTP requests to a host ({@code https://} unless it is a local or insecure host). */
    public URI baseUrl(Host host) {
        return URI.create((ssl(host) ? "https://" : "http://") + host.value());
    }

    private HostRecord live(HostRecord r) {
        HostConnection c = connections.get(r.host());
        return c != null && r.status() != HostStatus.BANNED ? r.withStatus(c.status()) : r;
    }

    private boolean ssl(Host host) {
        HostRecord r = records.get(host);
        return r != null ? r.ssl() : tlsByDefault(host);
    }

    /**
     * Whether a host new to the relay is reached over TLS: not on the local machine, and not when insecure
     * hosts are allowed, which is how a private network without TLS (a docker-compose cluster, whose PDS
     * hosts are service names) is crawled.
     */
    private boolean tlsByDefault(Host host) {
        return !host.isLocal() && !settings.allowInsecureHosts();
    }

    private HostRecord newRecord(Host host) {
        return new HostRecord(host, 0, HostStatus.ACTIVE, settings.defaultAccountLimit(), settings.defaultEventsPerSecond(),
                tlsByDefault(host), clock.instant(), null);
    }

    private void connect(HostRecord r) {
        disconnect(r.host());
        HostConnection c = new HostConnection(r.host(), r.ssl(), r.eventsPerSecond(),
                () -> cursors.resume(r.host(), store.find(r.host()).map(HostRecord::cursor).orElse(0L)),
                handler, settings, this::onStatus);
        connections.put(r.host(), c);
        c.start();
    }

    private void disconnect(Host host) {
        HostConnection c = connections.remove(host);
        if (c != null) {
            c.close();
        }
    }

    private void onStatus(Host host, HostStatus status, String why) {
        if (status == HostStatus.OFFLINE || status == HostStatus.IDLE) {
            store.setStatus(host, status);
            records.computeIfPresent(host, (h, r) -> r.withStatus(status));
        }
    }

    /** GET describeServer: the host must answer 200 and must not be a relay. */
    private void checkHost(Host host) {
        URI url = baseUrl(host).resolve("/xrpc/com.atproto.server.describeServer");
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(settings.requestTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CrawlException(CrawlException.Reason.HOST_NOT_FOUND, host + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrawlException(CrawlException.Reason.HOST_NOT_FOUND, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw new CrawlException(CrawlException.Reason.HOST_NOT_FOUND,
                    host + " answered describeServer with " + response.statusCode());
        }
        String server = response.headers().firstValue("Server").orElse("");
        if (server.toLowerCase(Locale.ROOT).contains(HostConnection.RELAY_MARKER)) {
            throw new CrawlException(CrawlException.Reason.FORBIDDEN, host + " is a relay");
        }
    }

    private static boolean matches(List<String> patterns, Host host) {
        String name = host.name();
        for (String p : patterns) {
            String q = p.toLowerCase(Locale.ROOT);
            if (q.startsWith("*.") ? name.endsWith(q.substring(1)) : name.equals(q) || host.value().equals(q)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        for (Host h : List.copyOf(connections.keySet())) {
            disconnect(h);
        }
        LOG.debug("host connections closed");
    }
}
