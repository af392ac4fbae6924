package dev.skein.core.blocks;

import dev.skein.core.cid.Cid;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlockStore} in a concurrent hash map: for tests, CAR slices and short-lived trees. */
public final class MemoryBlockStore implements BlockStore {
    private final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();

    public MemoryBlockStore() {}

    /** A store holding a copy of the given blocks (the byte arrays themselves are shared). */
    public MemoryBlockStore(Map<Cid, byte[]> initial) {
        blocks.putAll(initial);
    }

    @Override
    public byte[] get(Cid cid) {
        return blocks.get(cid);
    }

    @Override
    public boolean has(Cid cid) {
        return blocks.containsKey(cid);
    }

    @Override
    public void put(Cid cid, byte[] bytes) {
        blocks.putIfAbsent(cid, bytes);
    }

    /** Removes a block; returns whether it was there. */
    public boolean remove(Cid cid) {
        return blocks.remove(cid) != null;
    }

    public int size() {
        return blocks.size();
    }

    /** A snapshot of the CIDs held. */
    public Set<Cid> cids() {
        return Set.copyOf(blocks.keySet());
    }
}
