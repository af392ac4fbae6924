package dev.skein.relay.ingest;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;

/** Fetches a full repository export ({@code com.atproto.sync.getRepo}) from a PDS, for a resync. */
@FunctionalInterface
public interface RepoFetcher {
    /**
     * The CAR of {@code did}'s repository at {@code host}.
     *
     * @throws RepoFetchException when it cannot be had
     */
    byte[] getRepo(Host host, Did did);
}
