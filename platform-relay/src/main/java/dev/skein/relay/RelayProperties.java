package dev.skein.relay;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay role's settings ({@code skein.relay.*}), with defaults in code.
 *
 * @param dataDir where the embedded database and generated secrets live
 * @param datasource the database; without a URL, H2 in {@code dataDir}
 * @param plcUrl the PLC directory
 * @param hosts PDS hosts to subscribe to from the start ({@code host[:port]})
 * @param adminPassword the operator's password (HTTP Basic, user {@code admin}); when unset, the platform's shared
 *     admin credential ({@code skein.admin.password-hash}, set by the executable) applies, and a relay run on its
 *     own generates one into {@code dataDir/admin-password} (mode 0600) on first start
 * @param retention how long the log keeps events for replay
 * @param consumerBuffer how many events a consumer may fall behind before it is cut off
 * @param allowInsecureHosts whether hosts are reached without TLS: crawl requests may name such hosts, and hosts
 *     new to the relay are reached over plain {@code http://}/{@code ws://} (a private network such as a
 *     docker-compose cluster); local hosts never need TLS
 * @param allowedHosts if set, the only hosts requestCrawl accepts (names, or {@code *.suffix})
 * @param deniedHosts hosts requestCrawl refuses (names, or {@code *.suffix})
 * @param publicCrawl whether anyone may call requestCrawl
 * @param defaultAccountLimit accounts a new host may bring
 * @param defaultEventsPerSecond a new host's rate limit
 * @param validateOutput whether every JSON response of a method with a lexicon is checked against it (a mismatch is
 *     a 500): for tests and development, where a wrong response should fail loudly
 */
@ConfigurationProperties("skein.relay")
public record RelayProperties(String dataDir, Datasource datasource, String plcUrl, List<String> hosts, String adminPassword,
                              Duration retention, Integer consumerBuffer, Boolean allowInsecureHosts, List<String> allowedHosts,
                              List<String> deniedHosts, Boolean publicCrawl, Long defaultAccountLimit,
                              Integer defaultEventsPerSecond, Boolean validateOutput) {
    /** The database: PostgreSQL when {@code url} is set (schema {@code relay} by default), else embedded H2. */
    public record Datasource(String url, String username, String password, String schema) {}

    public RelayProperties {
        dataDir = dataDir == null ? "./data/relay" : dataDir;
        datasource = datasource == null ? new Datasource(null, null, null, null) : datasource;
        plcUrl = plcUrl == null ? "https://plc.directory" : plcUrl;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        retention = retention == null ? Duration.ofHours(72) : retention;
        consumerBuffer = consumerBuffer == null ? 10_000 : consumerBuffer;
        allowInsecureHosts = allowInsecureHosts != null && allowInsecureHosts;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        deniedHosts = deniedHosts == null ? List.of() : List.copyOf(deniedHosts);
        publicCrawl = publicCrawl == null || publicCrawl;
        defaultAccountLimit = defaultAccountLimit == null ? 100 : defaultAccountLimit;
        defaultEventsPerSecond = defaultEventsPerSecond == null ? 1_000 : defaultEventsPerSecond;
        validateOutput = validateOutput != null && validateOutput;
    }
}
