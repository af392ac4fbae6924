package dev.skein.core.repo;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.mst.Mst;
import dev.skein.core.mst.MstVisitor;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An account's repository at one signed commit: the commit, its CID and its MST, over a block store
 * that holds the commit, the MST nodes and the records.
 *
 * <p>A repository is immutable. {@link #apply} makes the next commit from a batch of writes and returns
 * it as a {@link RepoCommit}, whose blocks it has written to the store; the store may be shared by many
 * revisions, since blocks are content-addressed.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
public final class Repository {
    /** The sync spec's limit on a record block in a commit. */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    private final BlockStore store;
    private final Commit commit;
    private final Cid commitCid;
    private final Mst tree;

    private Repository(BlockStore store, Commit commit, Cid commitCid, Mst tree) {
        this.store = store;
        this.commit = commit;
        this.commitCid = commitCid;
        this.tree = tree;
    }

    /** A new repository: the first commit, holding {@code writes} (which may be none, an empty repository). */
    public static RepoCommit create(BlockStore store, Did did, Tid rev, List<RepoWrite> writes, Signer signer) {
        return CommitBuilder.apply(store, did, null, null, Mst.empty(store), writes, rev, signer);
    }

    /** {@link #create(BlockStore, Did, Tid, List, Signer)} with an in-process key. */
    public static RepoCommit create(BlockStore store, Did did, Tid rev, List<RepoWrite> writes, SigningKey key) {
        return create(store, did, rev, writes, (Signer) key::sign);
    }

    /** The repository whose signed commit block has this CID; the commit's structure is checked now. */
    public static Repository load(BlockStore store, Cid commitCid) {
        Commit commit = Commit.fromBytes(store.require(commitCid));
        return new Repository(store, commit, commitCid, Mst.load(store, commit.data()));
    }

    static Repository of(BlockStore store, Commit commit, Cid commitCid, Mst tree) {
        return new Repository(store, commit, commitCid, tree);
    }

    public Did did() {
        return commit.did();
    }

    public Tid rev() {
        return commit.rev();
    }

    public Commit commit() {
        return commit;
    }

    public Cid commitCid() {
        return commitCid;
    }

    public Mst tree() {
        return tree;
    }

    public BlockStore store() {
        return store;
    }

    /** The next commit: {@code writes} applied in order, signed, with a rev that must exceed this one's. */
    public RepoCommit apply(List<RepoWrite> writes, Tid rev, Signer signer) {
        if (rev.compareTo(commit.rev()) <= 0) {
            throw new InvalidWriteException(InvalidWriteException.Reason.REV_NOT_INCREASING, null,
                    "rev " + rev + " is not after " + commit.rev());
        }
        return CommitBuilder.apply(store, commit.did(), commit.rev(), commit.data(), tree, writes, rev, signer);
    }

    /** {@link #apply(List, Tid, Signer)} with an in-process key. */
    public RepoCommit apply(List<RepoWrite> writes, Tid rev, SigningKey key) {
        return apply(writes, rev, (Signer) key::sign);
    }

    /** The CID of the record at {@code path}, if any. */
    public Optional<Cid> recordCid(String path) {
        return tree.get(path);
    }

    /** The bytes of the record at {@code path}, if any. */
    public Optional<byte[]> record(String path) {
        return tree.get(path).map(store::require);
    }

    /** A {@code #sync} event for this commit: its blocks are a CAR of the commit block alone. */
    public SyncEvent toSyncEvent(long seq, Datetime time) {
        byte[] car = CarWriter.toBytes(List.of(commitCid), Map.of(commitCid, store.require(commitCid)));
        return new SyncEvent(seq, commit.did(), car, commit.rev(), time);
    }

    /**
     * Writes the whole repository as a CAR in the streamable order: the commit, then the MST pre-order
     * with each record right after the node that holds it. Each record block is written once.
     */
    public void exportCar(OutputStream out) throws IOException {
        CarWriter writer = new CarWriter(out, List.of(commitCid));
        writer.write(commitCid, store.require(commitCid));
        Set<Cid> written = new HashSet<>();
        try {
            tree.walk(new MstVisitor() {
                @Override
                public void node(Cid cid, byte[] block) {
                    write(cid, block);
                }

                @Override
                public void record(String key, Cid value) {
                    write(value, store.require(value));
                }

                private void write(Cid cid, byte[] block) {
                    if (written.add(cid)) {
                        try {
                            writer.write(cid, block);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    @Override
    public String toString() {
        return "Repository[" + commit.did() + " at " + commit.rev() + ", commit " + commitCid + "]";
    }
}
