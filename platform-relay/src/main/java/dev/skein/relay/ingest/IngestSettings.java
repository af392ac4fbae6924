package dev.skein.relay.ingest;

import dev.skein.core.car.CarLimits;
import java.time.Duration;

/**
 * Tunables of the ingest pipeline.
 *
 * @param futureRevTolerance how far in the future a rev may be (clock drift); the indigo relay uses 5 minutes
 * @param maxWaitingPerAccount how many events of one account may wait for its resync before more are dropped
 * @param resyncRetryInterval the least time between two resync attempts of one account
 * @param identityRefreshInterval the least time between two refreshes of one DID forced by a wrong host or a bad
 *     signature (an {@code #identity} event always refreshes)
 * @param repoLimits limits on a {@code getRepo} export read for a resync
 */
public record IngestSettings(Duration futureRevTolerance, int maxWaitingPerAccount, Duration resyncRetryInterval,
                             Duration identityRefreshInterval, CarLimits repoLimits) {
    public static final IngestSettings DEFAULTS = new IngestSettings(Duration.ofMinutes(5), 1_000,
            Duration.ofSeconds(30), Duration.ofSeconds(10), CarLimits.DEFAULT);
}
