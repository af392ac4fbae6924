package dev.skein.pds.repo;

import dev.skein.core.syntax.Did;
import java.util.LinkedHashMap;
import java.util.Map;

/** The writers' {@link RepoState}s, least recently used dropped first. */
final class RepoStateCache {
    private final LinkedHashMap<Did, RepoState> states;

    RepoStateCache(int capacity) {
        this.states = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Did, RepoState> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized RepoState get(Did did) {
        return states.get(did);
    }

    synchronized void put(Did did, RepoState state) {
        states.put(did, state);
    }

    synchronized void evict(Did did) {
        states.remove(did);
    }
}
