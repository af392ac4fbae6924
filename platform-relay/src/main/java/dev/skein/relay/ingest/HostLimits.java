package dev.skein.relay.ingest;

import dev.skein.relay.host.Host;

/** Per-host limits the ingest pipeline enforces. */
@FunctionalInterface
public interface HostLimits {
    /** How many accounts {@code host} may have at this relay. */
    long accountLimit(Host host);
}
