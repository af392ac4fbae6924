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
 * @param repos how record writes are committed
 * @param blobs where uploaded blobs are kept and when unreferenced ones are collected
 * @param rateLimits per-IP and per-account request budgets
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
        @DefaultValue Firehose firehose,
        @DefaultValue Repos repos,
        @DefaultValue Blobs blobs,
        @DefaultValue RateLimits rateLimits) {

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
        Objects.requireNonNull(repos, "skein.pds.repos");
        Objects.requireNonNull(blobs, "skein.pds.blobs");
        Objects.requireNonNull(rateLimits, "skein.pds.rate-limits");
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
                Sessions.DEFAULT, 5L * 1024 * 1024, false, 15, false, List.of(), Firehose.DEFAULT, Repos.DEFAULT,
                Blobs.DEFAULT, RateLimits.DEFAULT);
    }

    /** The PDS's own DID, {@code did:web:<hostname>}: the audience of its session tokens and of service JWTs to it. */
    public String serviceDid() {
        return "did:web:" + hostname;
    }

    /** Where blobs are stored: {@code skein.pds.blobs.dir}, or {@code blobs} in the data directory. */
    public Path blobDir() {
        return blobs.dir() != null ? blobs.dir() : dataDir.resolve("blobs");
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
                inviteRequired, passwordHashCost, validateOutput, crawlers, firehose, repos, blobs, rateLimits);
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

    /**
     * How record writes are committed. Writes to one repository queue up and are applied in order by one
     * writer at a time; the writer takes everything queued (up to {@code maxBatch} calls), makes each call its
     * own signed commit and {@code #commit} event, and stores the lot in one transaction, so that one disk
     * flush acknowledges them all (group commit). Repositories are written in parallel by
     * {@code writerThreads} writers.
     *
     * @param writerThreads how many repositories are written at once
     * @param maxBatch most calls one transaction commits
     * @param cachedRepos how many repositories keep their tree and signing key in memory between writes
     */
    public record Repos(
            @DefaultValue("4") int writerThreads,
            @DefaultValue("64") int maxBatch,
            @DefaultValue("1000") int cachedRepos) {

        public static final Repos DEFAULT = new Repos(4, 64, 1000);

        public Repos {
            if (writerThreads < 1 || maxBatch < 1 || cachedRepos < 1) {
                throw new IllegalArgumentException("skein.pds.repos settings must be positive");
            }
        }
    }

    /**
     * Blob storage: files on disk in both database modes.
     *
     * @param dir where blob files go; empty for {@code blobs} in the data directory
     * @param gcGrace how long an uploaded blob that no record references is kept (the spec suggests hours;
     *     a client uploads first and writes the record that references it after)
     * @param gcInterval how often unreferenced blobs older than {@code gcGrace} are deleted
     */
    public record Blobs(
            Path dir,
            @DefaultValue("1h") Duration gcGrace,
            @DefaultValue("10m") Duration gcInterval) {

        public static final Blobs DEFAULT = new Blobs(null, Duration.ofHours(1), Duration.ofMinutes(10));

        public Blobs {
            if (gcGrace == null || gcGrace.isNegative() || gcInterval == null || gcInterval.isNegative() || gcInterval.isZero()) {
                throw new IllegalArgumentException("skein.pds.blobs.gc-grace must not be negative and gc-interval must be positive");
            }
        }
    }

    /**
     * Request budgets, as the reference PDS counts them: every call from one IP address draws on
     * {@code perIp} per {@code perIpWindow}; record writes of an account cost points (3 a create, 2 an update,
     * 1 a delete) from an hourly and a daily budget. Over budget is 429 {@code RateLimitExceeded}.
     *
     * @param enabled whether any limit applies
     * @param perIp calls one IP address may make per window
     * @param perIpWindow the window of {@code perIp}
     * @param writePointsPerHour write points one account may spend per hour
     * @param writePointsPerDay write points one account may spend per day
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3000") int perIp,
            @DefaultValue("5m") Duration perIpWindow,
            @DefaultValue("5000") int writePointsPerHour,
            @DefaultValue("35000") int writePointsPerDay) {

        public static final RateLimits DEFAULT = new RateLimits(true, 3000, Duration.ofMinutes(5), 5000, 35000);
        /** No limits, for load tests and trusted private networks. */
        public static final RateLimits NONE = new RateLimits(false, 3000, Duration.ofMinutes(5), 5000, 35000);

        public RateLimits {
            if (perIp < 1 || writePointsPerHour < 1 || writePointsPerDay < 1) {
                throw new IllegalArgumentException("skein.pds.rate-limits budgets must be positive");
            }
            if (perIpWindow == null || perIpWindow.isNegative() || perIpWindow.isZero()) {
                throw new IllegalArgumentException("skein.pds.rate-limits.per-ip-window must be positive");
            }
        }
    }
}
