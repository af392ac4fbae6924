package dev.skein.pds;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PDS's settings ({@code skein.pds.*}), with their defaults here.
 *
 * @param hostname the PDS's public host name; its service DID is {@code did:web:<hostname>}
 * @param publicUrl the URL clients and other services reach the PDS at, written into every account's DID
 *     document as its {@code atproto_pds} endpoint; empty means {@code http://<hostname>:<port>} with the port
 *     the server listens on (fine on one machine; set it behind a proxy or TLS terminator)
 * @param handleDomains the domains under which accounts get handles ({@code alice} + {@code .test}); the
 *     default {@code .test} is the reference development environment's, reserved for testing (RFC 6761), so
 *     it never collides with a real domain; a real deployment names its own
 * @param plcUrl the PLC directory that registers the accounts' {@code did:plc} identities; the default is the
 *     local {@code plc} role's default address, never the public directory
 * @param dataDir where the embedded database and the secrets file live
 * @param datasource the database: PostgreSQL when {@code url} is set, otherwise embedded H2 under {@code dataDir}
 * @param sessions session token lifetimes
 * @param blobUploadLimit the largest blob an account may upload, in bytes (reported by describeServer)
 * @param inviteRequired whether createAccount needs an invite code; invites are not implemented, so this is
 *     only reported, and {@code true} refuses every public sign-up (admins can still create accounts)
 * @param passwordHashCost the scrypt cost, as log2 of N: 14 or 15 (16 MiB or 32 MiB and about 50 ms or 100 ms
 *     a hash); hashes record their cost, so it can be raised later without breaking stored passwords
 * @param validateOutput whether every JSON response is checked against its lexicon (a mismatch is a 500):
 *     for tests and development
 * @param crawlers relays to tell of this PDS ({@code com.atproto.sync.requestCrawl}) at start and when events
 *     appear after a quiet spell; their base URLs, e.g. {@code https://relay.example.com}
 * @param firehose the event stream's replay window, consumer buffers and crawl notifications
 */
@ConfigurationProperties("skein.pds")
public record PdsProperties(
        @DefaultValue("localhost") String hostname,
        URI publicUrl,
        @DefaultValue(".test") List<String> handleDomains,
        @DefaultValue("http://127.0.0.1:2582") URI plcUrl,
        @DefaultValue("data/pds") Path dataDir,
        @DefaultValue Datasource datasource,
        @DefaultValue Sessions sessions,
        @DefaultValue("5242880") long blobUploadLimit,
        @DefaultValue("false") boolean inviteRequired,
        @DefaultValue("15") int passwordHashCost,
        @DefaultValue("false") boolean validateOutput,
        List<URI> crawlers,
        @DefaultValue Firehose firehose) {

    public static final int MIN_PASSWORD_HASH_COST = 14;
    public static final int MAX_PASSWORD_HASH_COST = 20;

    public PdsProperties {
        Objects.requireNonNull(hostname, "skein.pds.hostname");
        hostname = hostname.toLowerCase(Locale.ROOT);
        if (!hostname.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
            throw new IllegalArgumentException("skein.pds.hostname must be a host name without scheme or port: " + hostname);
        }
        handleDomains = handleDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        for (String d : handleDomains) {
            if (!d.matches("\\.[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                throw new IllegalArgumentException("skein.pds.handle-domains entries start with a dot, e.g. .example.com: " + d);
            }
        }
        if (publicUrl != null && !isHttp(publicUrl)) {
            throw new IllegalArgumentException("skein.pds.public-url must be an http(s) URL without a path: " + publicUrl);
        }
        if (plcUrl == null || !isHttp(plcUrl)) {
            throw new IllegalArgumentException("skein.pds.plc-url must be an http(s) URL: " + plcUrl);
        }
        Objects.requireNonNull(dataDir, "skein.pds.data-dir");
        Objects.requireNonNull(datasource, "skein.pds.datasource");
        Objects.requireNonNull(sessions, "skein.pds.sessions");
        if (blobUploadLimit < 1) {
            throw new IllegalArgumentException("skein.pds.blob-upload-limit must be positive: " + blobUploadLimit);
        }
        crawlers = crawlers == null ? List.of() : List.copyOf(crawlers);
        for (URI c : crawlers) {
            if (!isHttp(c)) {
                throw new IllegalArgumentException("skein.pds.crawlers entries must be http(s) URLs without a path: " + c);
            }
        }
        Objects.requireNonNull(firehose, "skein.pds.firehose");
        if (passwordHashCost < MIN_PASSWORD_HASH_COST || passwordHashCost > MAX_PASSWORD_HASH_COST) {
            throw new IllegalArgumentException("skein.pds.password-hash-cost must be " + MIN_PASSWORD_HASH_COST + " to "
                    + MAX_PASSWORD_HASH_COST + ": " + passwordHashCost);
        }
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                && uri.getQuery() == null && uri.getFragment() == null;
    }

    /** The defaults, with data under {@code dataDir} and the given PLC directory. */
    public static PdsProperties defaults(Path dataDir, URI plcUrl) {
        return new PdsProperties("localhost", null, List.of(".test"), plcUrl, dataDir, Datasource.EMBEDDED,
                Sessions.DEFAULT, 5L * 1024 * 1024, false, 15, false, List.of(), Firehose.DEFAULT);
    }

    /** The PDS's own DID, {@code did:web:<hostname>}: the audience of its session tokens and of service JWTs to it. */
    public String serviceDid() {
        return "did:web:" + hostname;
    }

    /** The configured public URL, if any (see {@link #publicUrl()}). */
    public Optional<URI> configuredPublicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /**
     * The database connection.
     *
     * @param url a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL; empty for the embedded H2 file database
     * @param username user name, for a server database
     * @param password password, for a server database
     * @param schema the schema of the tables on PostgreSQL (created if missing); H2 uses its default schema
     * @param maxPoolSize most connections open at once
     */
    public record Datasource(
            String url,
            String username,
            String password,
            @DefaultValue("pds") String schema,
            @DefaultValue("10") int maxPoolSize) {

        public static final Datasource EMBEDDED = new Datasource(null, null, null, "pds", 10);

        public Datasource {
            if (schema == null || !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("skein.pds.datasource.schema must be a plain SQL identifier: " + schema);
            }
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("skein.pds.datasource.max-pool-size must be at least 1: " + maxPoolSize);
            }
        }

        /** A server database at {@code url} with tables in {@code schema}. */
        public static Datasource server(String url, String username, String password, String schema) {
            return new Datasource(url, username, password, schema, 10);
        }

        public Optional<String> configuredUrl() {
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
        }

        @Override
        public String toString() {
            return "Datasource[url=" + url + ", username=" + username + ", schema=" + schema + "]";
        }
    }

    /**
     * Session token lifetimes: the reference PDS's by default.
     *
     * @param accessLifetime how long an access token is valid (2 hours)
     * @param refreshLifetime how long a refresh token is valid (90 days)
     * @param refreshGrace how long a refresh token stays usable after it was used once (2 hours), so that a
     *     client that lost the answer to its refresh can try again
     */
    public record Sessions(
            @DefaultValue("2h") Duration accessLifetime,
            @DefaultValue("90d") Duration refreshLifetime,
            @DefaultValue("2h") Duration refreshGrace) {

        public static final Sessions DEFAULT = new Sessions(Duration.ofHours(2), Duration.ofDays(90), Duration.ofHours(2));

        public Sessions {
            for (Duration d : List.of(accessLifetime, refreshLifetime, refreshGrace)) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("skein.pds.sessions lifetimes must be positive");
                }
            }
        }
    }

    public PdsProperties withDatasource(Datasource d) {
        return new PdsProperties(hostname, publicUrl, handleDomains, plcUrl, dataDir, d, sessions, blobUploadLimit,
                inviteRequired, passwordHashCost, validateOutput, crawlers, firehose);
    }

    /**
     * The event stream ({@code com.atproto.sync.subscribeRepos}) and the notifications that advertise it.
     *
     * @param retention how long events stay replayable (72 hours, as the reference relay keeps them); a
     *     consumer whose cursor is older gets {@code #info OutdatedCursor} and the events still kept
     * @param pruneInterval how often events older than {@code retention} are deleted
     * @param consumerBuffer live events kept for a consumer that reads slower than they come; one more and it
     *     gets {@code ConsumerTooSlow} (the reference PDS keeps 500)
     * @param crawlInterval the least time between two crawl requests to a relay (the reference's 20 minutes):
     *     after it, the next event triggers one
     * @param crawlRetry the first wait before asking a relay that could not be reached again; doubled on each
     *     failure, up to {@code crawlInterval}
     */
    public record Firehose(
            @DefaultValue("72h") Duration retention,
            @DefaultValue("10m") Duration pruneInterval,
            @DefaultValue("500") int consumerBuffer,
            @DefaultValue("20m") Duration crawlInterval,
            @DefaultValue("1s") Duration crawlRetry) {

        public static final Firehose DEFAULT = new Firehose(Duration.ofHours(72), Duration.ofMinutes(10), 500,
                Duration.ofMinutes(20), Duration.ofSeconds(1));

        public Firehose {
            for (Duration d : List.of(retention, pruneInterval, crawlInterval, crawlRetry)) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("skein.pds.firehose durations must be positive");
                }
            }
            if (consumerBuffer < 1) {
                throw new IllegalArgumentException("skein.pds.firehose.consumer-buffer must be at least 1: " + consumerBuffer);
            }
        }
    }
}
