package dev.skein.core.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Tid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The result of one commit to a repository: the new state, the signed commit, what a {@code #commit}
 * event says about it, and the blocks it added.
 *
 * @param repository the repository after the commit
 * @param since the previous commit's rev, {@code null} for a repository's first commit
 * @param prevData the previous commit's MST root, {@code null} for a repository's first commit
 * @param ops the record operations, in write order, with {@code prev} on updates and deletes
 * @param newBlocks the blocks this commit added to the repository's store (already written there): the
 *     commit, the MST nodes the store lacked, the created and updated records
 * @param removedNodes MST nodes the previous tree had and the new one does not
 * @param slice the CAR slice of the {@code #commit} event: the commit (first root), the MST root, the new
 *     MST nodes, each operation's covering proof (enough for MST inversion) and the created and updated
 *     records; shared, not copied
 */
public record RepoCommit(Repository repository, Tid since, Cid prevData, List<RepoOp> ops,
                         Map<Cid, byte[]> newBlocks, Set<Cid> removedNodes, byte[] slice) {
    public RepoCommit {
        Objects.requireNonNull(repository, "repository");
        ops = List.copyOf(ops);
        newBlocks = Collections.unmodifiableMap(new LinkedHashMap<>(newBlocks));
        removedNodes = Collections.unmodifiableSet(new LinkedHashSet<>(removedNodes));
        Objects.requireNonNull(slice, "slice");
    }

    public Commit commit() {
        return repository.commit();
    }

    public Cid cid() {
        return repository.commitCid();
    }

    /** The {@code #commit} event announcing this commit. */
    public CommitEvent toEvent(long seq, Datetime time) {
        Commit c = commit();
        return CommitEvent.of(seq, c.did(), cid(), c.rev(), since, slice, ops, prevData, time);
    }

    /** A {@code #sync} event asserting this commit as the repository's state: a CAR of the commit block alone. */
    public SyncEvent toSyncEvent(long seq, Datetime time) {
        return repository.toSyncEvent(seq, time);
    }
}
