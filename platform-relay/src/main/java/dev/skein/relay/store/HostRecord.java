package dev.skein.relay.store;

import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * An upstream host as stored.
 *
 * @param cursor the last upstream seq processed (0: none yet); the subscription resumes after it
 * @param accountLimit how many accounts the host may bring
 * @param eventsPerSecond the host's rate limit
 * @param ssl whether to connect with {@code wss://} (else {@code ws://}, for local hosts)
 * @param lastEventAt when the last frame came, or {@code null}
 */
public record HostRecord(Host host, long cursor, HostStatus status, long accountLimit, int eventsPerSecond, boolean ssl,
                         Instant createdAt, Instant lastEventAt) {
    public HostRecord {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public HostRecord withStatus(HostStatus s) {
        return new HostRecord(host, cursor, s, accountLimit, eventsPerSecond, ssl, createdAt, lastEventAt);
    }

    public HostRecord withLimits(long accounts, int perSecond) {
        return new HostRecord(host, cursor, status, accounts, perSecond, ssl, createdAt, lastEventAt);
    }
}
