package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The statuses of accounts recently authenticated, so that checking a session token does not read the
 * account's row on every call. Every status change this PDS makes goes through {@link AccountStore}, which
 * {@linkplain #invalidate invalidates} the account's entry when it writes the change and again once its
 * transaction has ended; so a takedown, deactivation or deletion takes effect for the next call.
 *
 * <p>A status read from the database is kept only if no invalidation happened since the read began
 * ({@link #generation}): a read that raced a change, and may have seen the row before it, is not cached.
 * Size is bounded: past {@code capacity} entries the cache is emptied (statuses are cheap to read again).
 */
final class AccountStatusCache {
    private final Map<Did, AccountStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;

    AccountStatusCache(int capacity) {
        this.capacity = capacity;
    }

    Optional<AccountStatus> get(Did did) {
        return Optional.ofNullable(statuses.get(did));
    }

    /** The current generation: take it before reading a status from the database, for {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps a status read from the database, unless an invalidation happened since {@code readGeneration}. */
    void put(Did did, AccountStatus status, long readGeneration) {
        if (statuses.size() >= capacity) {
            statuses.clear();
        }
        // The generation is checked inside the map's atomic update of this key: an invalidation bumps the
        // generation before it removes the key, so either it removes what this put stored, or this put sees it.
        statuses.compute(did, (d, current) -> generation.get() == readGeneration ? status : current);
    }

    /** Forgets the account's status, and refuses any status read before now. */
    void invalidate(Did did) {
        generation.incrementAndGet();
        statuses.remove(did);
    }
}
