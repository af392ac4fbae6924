package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.repo.Repository;
import java.util.Objects;

/**
 * What a repository's writer keeps between batches: the repository at its last commit (with the MST nodes
 * it has read or built) and the account's signing key, opened once. Only valid while the stored root is
 * still {@link #commitCid()}; the writer checks that under the root's lock before every batch.
 */
record RepoState(Repository repository, SigningKey key, RepoBlocks blocks) {
    RepoState {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(blocks, "blocks");
    }

    Cid commitCid() {
        return repository.commitCid();
    }

    /**
     * The same repository reopened from its blocks at {@code commit}: its nodes are then known to be stored,
     * so the next commit lists only the nodes it builds itself (a tree built in memory never learns which of
     * its nodes were stored since).
     */
    RepoState reopenedAt(Cid commit) {
        return new RepoState(Repository.load(blocks, commit), key, blocks);
    }
}
