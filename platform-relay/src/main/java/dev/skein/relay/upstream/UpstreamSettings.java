package dev.skein.relay.upstream;

import java.time.Duration;
import java.util.List;

/**
 * How the relay treats upstream hosts.
 *
 * @param defaultAccountLimit accounts a new host may bring (the indigo relay's default is 100)
 * @param defaultEventsPerSecond a new host's rate limit
 * @param maxFailures consecutive failed connections after which a host is marked offline (indigo: 15)
 * @param minBackoff first reconnection delay; doubled after each failure
 * @param maxBackoff largest reconnection delay
 * @param allowInsecureHosts whether hosts may be reached over plain {@code ws://}/{@code http://} (local hosts
 *     always are)
 * @param allowedHosts if not empty, the only hostnames (or {@code *.suffix} patterns) requestCrawl accepts
 * @param deniedHosts hostnames (or {@code *.suffix} patterns) requestCrawl refuses as banned
 * @param publicCrawl whether anyone may call requestCrawl (else only the admin)
 * @param requestTimeout timeout of the host check and of connection attempts
 * @param newHostsPerDay how many new hosts requestCrawl may add in a day (indigo: 50); the admin is not limited
 */
public record UpstreamSettings(long defaultAccountLimit, int defaultEventsPerSecond, int maxFailures, Duration minBackoff,
                               Duration maxBackoff, boolean allowInsecureHosts, List<String> allowedHosts,
                               List<String> deniedHosts, boolean publicCrawl, Duration requestTimeout,
                               int newHostsPerDay) {
    public UpstreamSettings {
        allowedHosts = List.copyOf(allowedHosts);
        deniedHosts = List.copyOf(deniedHosts);
    }

    public static final UpstreamSettings DEFAULTS = new UpstreamSettings(100, 1_000, 15, Duration.ofSeconds(1),
            Duration.ofMinutes(1), false, List.of(), List.of(), true, Duration.ofSeconds(10), 50);
}
