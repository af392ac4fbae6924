package dev.skein.plc;

import dev.skein.core.syntax.Did;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per DID, held while an operation for it is checked and stored: writes to one DID queue up in
 * this process, writes to different DIDs run side by side. The database row lock does the same across
 * processes; this one keeps waiting writers from holding pooled connections (and H2 from timing out its
 * lock wait). A DID's lock is dropped when no thread holds or waits for it.
 */
final class DidLocks {
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<Did, Entry> locks = new ConcurrentHashMap<>();

    <T> T withLock(Did did, Supplier<T> work) {
        Entry entry = locks.compute(did, (k, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            locks.computeIfPresent(did, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many DIDs have a lock at the moment (for tests: locks must not pile up). */
    int size() {
        return locks.size();
    }
}
