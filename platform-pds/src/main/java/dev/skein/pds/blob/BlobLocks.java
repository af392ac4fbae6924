package dev.skein.pds.blob;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the three things that touch one account's blob apart: an upload (file, then row), the collector
 * (row, then file) and a record write that starts referencing it (checks the row, links it). Without
 * them the collector could delete a blob between a write's check and its commit, or delete the file of a
 * blob being uploaded again. Locks are striped by account and CID; a record write takes its stripes in
 * ascending order, everyone else takes one at a time, so no two holders can wait on each other.
 */
public final class BlobLocks {
    static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public BlobLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** A held set of stripes; closing releases them. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Locks the stripe of one blob. */
    public Held lock(Did did, Cid cid) {
        ReentrantLock l = stripes[stripe(did, cid)];
        l.lock();
        return l::unlock;
    }

    /** Locks the stripes of several blobs of one account, in ascending order. */
    public Held lockAll(Did did, Collection<Cid> cids) {
        TreeSet<Integer> indexes = new TreeSet<>();
        cids.forEach(c -> indexes.add(stripe(did, c)));
        for (int i : indexes) {
            stripes[i].lock();
        }
        return () -> indexes.descendingSet().forEach(i -> stripes[i].unlock());
    }

    private static int stripe(Did did, Cid cid) {
        return Math.floorMod(31 * did.hashCode() + cid.hashCode(), STRIPES);
    }
}
