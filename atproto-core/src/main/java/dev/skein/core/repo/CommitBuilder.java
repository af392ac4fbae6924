package dev.skein.core.repo;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.data.Drisl;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.mst.Mst;
import dev.skein.core.mst.MstDiff;
import dev.skein.core.mst.MstLimitException;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the next commit of a repository from a batch of writes: the new tree, the signed commit, the
 * firehose operations and the CAR slice that lets a consumer invert them (spec: repository diffs).
 */
final class CommitBuilder {
    private CommitBuilder() {}

    static RepoCommit apply(BlockStore store, Did did, Tid since, Cid prevData, Mst before, List<RepoWrite> writes,
                            Tid rev, Signer signer) {
        if (writes.size() > CommitEvent.MAX_OPS) {
            throw new InvalidWriteException(InvalidWriteException.Reason.TOO_MANY_WRITES, null,
                    writes.size() + " writes in one commit; at most " + CommitEvent.MAX_OPS);
        }
        try {
            return build(store, did, since, prevData, before, writes, rev, signer);
        } catch (MstLimitException e) {
            throw new InvalidWriteException(InvalidWriteException.Reason.TREE_LIMIT, null, e.getMessage());
        }
    }

    private static RepoCommit build(BlockStore store, Did did, Tid since, Cid prevData, Mst before, List<RepoWrite> writes,
                                    Tid rev, Signer signer) {
        Set<String> paths = new HashSet<>();
        Mst tree = before;
        List<RepoOp> ops = new ArrayList<>(writes.size());
        Map<Cid, byte[]> records = new LinkedHashMap<>();
        for (RepoWrite write : writes) {
            String path = write.path();
            if (!paths.add(path)) {
                throw new InvalidWriteException(InvalidWriteException.Reason.DUPLICATE_PATH, path, "written twice in one commit");
            }
            Optional<Cid> existing = tree.get(path);
            switch (write) {
                case RepoWrite.Create c -> {
                    if (existing.isPresent()) {
                        throw new InvalidWriteException(InvalidWriteException.Reason.RECORD_EXISTS, path, "a record already exists");
                    }
                    Cid cid = encode(path, Drisl.encode(c.record()), records);
                    tree = tree.put(path, cid);
                    ops.add(RepoOp.create(path, cid));
                }
                case RepoWrite.Update u -> {
                    Cid prev = existing.orElseThrow(() -> new InvalidWriteException(
                            InvalidWriteException.Reason.RECORD_NOT_FOUND, path, "no record to update"));
                    Cid cid = encode(path, Drisl.encode(u.record()), records);
                    tree = tree.put(path, cid);
                    ops.add(RepoOp.update(path, cid, prev));
                }
                case RepoWrite.Delete d -> {
                    Cid prev = existing.orElseThrow(() -> new InvalidWriteException(
                            InvalidWriteException.Reason.RECORD_NOT_FOUND, path, "no record to delete"));
                    tree = tree.delete(path);
                    ops.add(RepoOp.delete(path, prev));
                }
            }
        }

        Commit commit = Commit.unsigned(did, tree.root(), rev).sign(signer);
        byte[] commitBlock = commit.bytes();
        Cid commitCid = Cid.ofDrisl(commitBlock);
        MstDiff diff = MstDiff.between(before, tree);

        // What the store lacks: the commit, every node the new tree built in memory (for a first, empty
        // commit that is the empty root node, which no diff reports) and the records.
        Map<Cid, byte[]> newBlocks = new LinkedHashMap<>();
        newBlocks.put(commitCid, commitBlock);
        newBlocks.putAll(tree.unstoredBlocks());
        newBlocks.putAll(records);

        // The slice: the commit first, the root node (so even an empty commit's tree can be opened), the
        // new nodes, the proofs that let a consumer undo each operation on its neighbours (computed on the
        // new tree, as the reference does), then the records.
        Map<Cid, byte[]> slice = new LinkedHashMap<>();
        slice.put(commitCid, commitBlock);
        slice.put(tree.root(), rootBlock(store, tree, newBlocks));
        diff.addedNodes().forEach(slice::putIfAbsent);
        for (RepoOp op : ops) {
            tree.coveringProof(op.path()).forEach(slice::putIfAbsent);
        }
        records.forEach(slice::putIfAbsent);
        byte[] car = CarWriter.toBytes(List.of(commitCid), slice);
        if (car.length > CommitEvent.MAX_BLOCKS_BYTES) {
            throw new InvalidWriteException(InvalidWriteException.Reason.COMMIT_TOO_LARGE, null,
                    "the commit's CAR slice is " + car.length + " bytes; at most " + CommitEvent.MAX_BLOCKS_BYTES);
        }

        store.putAll(newBlocks);
        Repository after = Repository.of(store, commit, commitCid, tree);
        return new RepoCommit(after, since, prevData, ops, newBlocks, diff.removedNodes(), car);
    }

    private static byte[] rootBlock(BlockStore store, Mst tree, Map<Cid, byte[]> newBlocks) {
        byte[] block = newBlocks.get(tree.root());
        return block != null ? block : store.require(tree.root());
    }

    private static Cid encode(String path, byte[] bytes, Map<Cid, byte[]> records) {
        if (bytes.length > Repository.MAX_RECORD_BYTES) {
            throw new InvalidWriteException(InvalidWriteException.Reason.RECORD_TOO_LARGE, path,
                    "record of " + bytes.length + " bytes; at most " + Repository.MAX_RECORD_BYTES);
        }
        Cid cid = Cid.ofDrisl(bytes);
        records.put(cid, bytes);
        return cid;
    }
}
