package dev.skein.relay.ingest;

import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The accounts the relay has seen, in memory, loaded from the {@link AccountStore} on first use. Each account has
 * a lock: everything that reads and changes its state (events from any host, a resync finishing, an operator's
 * takedown) holds it, so the changes of one account are serialised.
 */
public final class AccountTable {
    private final AccountStore store;
    /** By the DID's text, whose hash String keeps (a record recomputes its hash on every lookup). */
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Host, AtomicLong> perHost = new ConcurrentHashMap<>();

    /** One account's lock, state and queue of events waiting for a resync. */
    static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final Did did;
        AccountState state;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        Instant lastResync;
        boolean resyncWanted;

        Slot(Did did, AccountState state) {
            this.did = did;
            this.state = state;
        }
    }

    /** An event waiting for its account's resync, with the host it came from. */
    record Waiting(Host host, dev.skein.core.firehose.FirehoseEvent event) {}

    public AccountTable(AccountStore store) {
        this.store = Objects.requireNonNull(store, "store");
        for (Map.Entry<Host, Long> e : store.countByHost().entrySet()) {
            perHost.put(e.getKey(), new AtomicLong(e.getValue()));
        }
    }

    Slot slot(Did did) {
        return slots.computeIfAbsent(did.value(), d -> new Slot(did, store.find(did).orElse(null)));
    }

    /** Sets an account's state, keeping the per-host counts. Caller holds the slot's lock. */
    void set(Slot slot, AccountState next) {
        AccountState prev = slot.state;
        if (prev == null || !prev.host().equals(next.host())) {
            if (prev != null) {
                perHost.computeIfAbsent(prev.host(), h -> new AtomicLong()).decrementAndGet();
            }
            perHost.computeIfAbsent(next.host(), h -> new AtomicLong()).incrementAndGet();
        }
        slot.state = next;
    }

    /** The account's current state, if known. */
    public AccountState get(Did did) {
        Slot s = slot(did);
        s.lock.lock();
        try {
            return s.state;
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * The account's state if it is loaded, else {@code null} (without reading the store). The loaded state is the
     * newest: the store may lag behind it (see the sequencer's deferred account writes).
     */
    public AccountState peek(Did did) {
        Slot s = slots.get(did.value());
        if (s == null) {
            return null;
        }
        s.lock.lock();
        try {
            return s.state;
        } finally {
            s.lock.unlock();
        }
    }

    /** How many accounts are bound to {@code host}. */
    public long countOnHost(Host host) {
        AtomicLong n = perHost.get(host);
        return n == null ? 0 : n.get();
    }

    AccountStore store() {
        return store;
    }
}
