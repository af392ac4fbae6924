package dev.skein.relay.ingest;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where account states are kept between runs. The ingest pipeline only reads through it; the writes go with the
 * events, in the sequencer's transactions.
 */
public interface AccountStore {
    Optional<AccountState> find(Did did);

    /** How many accounts each host has. */
    Map<Host, Long> countByHost();

    /** Accounts whose chain broke and were not resynchronised before the last stop. */
    List<AccountState> desynchronized(int limit);
}
