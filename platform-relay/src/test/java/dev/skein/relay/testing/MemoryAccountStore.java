package dev.skein.relay.testing;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.AccountStore;
import dev.skein.relay.ingest.SyncState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Account states in a map, for tests without a database. */
public final class MemoryAccountStore implements AccountStore {
    private final Map<Did, AccountState> states = new ConcurrentHashMap<>();

    public void put(AccountState s) {
        states.put(s.did(), s);
    }

    @Override
    public Optional<AccountState> find(Did did) {
        return Optional.ofNullable(states.get(did));
    }

    @Override
    public Map<Host, Long> countByHost() {
        return states.values().stream().collect(Collectors.groupingBy(AccountState::host, Collectors.counting()));
    }

    @Override
    public List<AccountState> desynchronized(int limit) {
        return states.values().stream().filter(s -> s.sync() != SyncState.SYNCHRONIZED).limit(limit).toList();
    }
}
