package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.mst.MstDiff;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commits one writer made to one repository in one batch, stored together so that {@code repo_block}
 * holds exactly the blocks of the repository's current commit, as {@code getRepo} exports it: the batch's
 * last commit block, the MST nodes its tree has and the tree before the batch lacked, and the records
 * written (each tagged with the rev that wrote it) go in; the commit before the batch, the nodes only that
 * tree had, and records no current record row still points to go out. Intermediate commits and nodes of
 * the batch are never stored: their {@code #commit} events carry them, and no read serves an older commit
 * (the reference PDS deletes them too). Also stored: the net change to each record row and its blob
 * references (a record created then updated in the same batch is one insert), the final root, and one
 * {@code #commit} event per commit, in commit order. Events are appended last, so that the sequencer's lock
 * is held only for the end of the transaction.
 */
final class CommitBatch {
    /** A record's state after the batch, and what it was before it ({@code null}: absent). */
    private static final class PathChange {
        final Cid before;
        Cid cid;
        byte[] bytes;
        String rev;
        List<BlobRef> blobs = List.of();

        PathChange(Cid before) {
            this.before = before;
        }

        boolean existedBefore() {
            return before != null;
        }

        boolean existsAfter() {
            return cid != null;
        }
    }

    private final Did did;
    private final Repository start;
    private final Map<String, PathChange> paths = new LinkedHashMap<>();
    private final List<RepoCommit> commits = new ArrayList<>();

    /** @param start the repository as stored before the batch */
    CommitBatch(Did did, Repository start) {
        this.did = did;
        this.start = start;
    }

    boolean isEmpty() {
        return commits.isEmpty();
    }

    /** Adds a commit; {@code records} are the prepared records of its creates and updates, by path. */
    void add(RepoCommit commit, Map<String, PreparedRecord> records) {
        String rev = commit.commit().rev().value();
        for (RepoOp op : commit.ops()) {
            PathChange change = paths.computeIfAbsent(op.path(), p -> new PathChange(op.prev()));
            if (op.action() == RepoOp.Action.DELETE) {
                change.cid = null;
                change.bytes = null;
                change.blobs = List.of();
            } else {
                PreparedRecord record = Objects.requireNonNull(records.get(op.path()), op.path());
                change.cid = op.cid();
                change.bytes = record.bytes();
                change.rev = rev;
                change.blobs = record.blobs();
            }
        }
        commits.add(commit);
    }

    RepoCommit last() {
        return commits.getLast();
    }

    /** Writes everything; call inside the write transaction. */
    void store(JdbcClient jdbc, JdbcTemplate batch, Sequencer sequencer, Instant now, Datetime time) {
        OffsetDateTime at = SqlTimes.param(now);
        RepoCommit last = commits.getLast();
        MstDiff nodes = MstDiff.between(start.tree(), last.repository().tree());
        storeBlocks(batch, last, nodes);
        storeRecords(batch, at);
        int updated = jdbc.sql("UPDATE repo_root SET commit_cid = ?, rev = ?, updated_at = ? WHERE did = ?")
                .param(last.cid().toString()).param(last.commit().rev().value()).param(at).param(did.value()).update();
        if (updated != 1) {
            throw new IllegalStateException("no repository root for " + did);
        }
        deleteBlocks(batch, nodes);
        sequencer.appendAll(did, commits.stream().<LongFunction<CommitEvent>>map(c -> seq -> c.toEvent(seq, time)).toList());
    }

    /**
     * Inserts the last commit, the new tree's nodes and the records written, each unless {@code repo_block}
     * has it already (a record with the same content as another one). Each check is a primary-key lookup
     * inside the insert (a single {@code IN} list over the account's blocks is not planned as one on H2).
     */
    private void storeBlocks(JdbcTemplate batch, RepoCommit last, MstDiff nodes) {
        String rev = last.commit().rev().value();
        List<Object[]> rows = new ArrayList<>(nodes.addedNodes().size() + paths.size() + 1);
        rows.add(blockRow(last.cid(), rev, last.newBlocks().get(last.cid())));
        nodes.addedNodes().forEach((cid, bytes) -> rows.add(blockRow(cid, rev, bytes)));
        paths.values().stream().filter(c -> c.existsAfter() && !c.cid.equals(c.before))
                .forEach(c -> rows.add(blockRow(c.cid, c.rev, c.bytes)));
        run(batch, "INSERT INTO repo_block (did, cid, rev, bytes) SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM repo_block WHERE did = ? AND cid = ?)", rows);
    }

    private Object[] blockRow(Cid cid, String rev, byte[] bytes) {
        String c = cid.toString();
        return new Object[] {did.value(), c, rev, bytes, did.value(), c};
    }

    /**
     * Deletes what only the repository before the batch had: its commit, the nodes the new tree dropped, and
     * replaced or deleted records that no record row points to any more (two records may share content).
     * Runs after the record rows are updated.
     */
    private void deleteBlocks(JdbcTemplate batch, MstDiff nodes) {
        List<Object[]> gone = new ArrayList<>(nodes.removedNodes().size() + 1);
        gone.add(new Object[] {did.value(), start.commitCid().toString()});
        nodes.removedNodes().forEach(cid -> gone.add(new Object[] {did.value(), cid.toString()}));
        run(batch, "DELETE FROM repo_block WHERE did = ? AND cid = ?", gone);
        List<Object[]> records = new ArrayList<>();
        paths.values().stream().filter(c -> c.existedBefore() && !c.before.equals(c.cid)).map(c -> c.before).distinct()
                .forEach(cid -> records.add(new Object[] {did.value(), cid.toString(), did.value(), cid.toString()}));
        run(batch, "DELETE FROM repo_block WHERE did = ? AND cid = ? AND NOT EXISTS "
                + "(SELECT 1 FROM record WHERE did = ? AND cid = ?)", records);
    }

    private void storeRecords(JdbcTemplate batch, OffsetDateTime at) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> unlinks = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        paths.forEach((path, change) -> {
            int slash = path.indexOf('/');
            String collection = path.substring(0, slash);
            String rkey = path.substring(slash + 1);
            if (change.existedBefore()) {
                unlinks.add(new Object[] {did.value(), collection, rkey});
                if (change.existsAfter()) {
                    updates.add(new Object[] {change.cid.toString(), change.rev, change.bytes, at, did.value(), collection, rkey});
                } else {
                    deletes.add(new Object[] {did.value(), collection, rkey});
                }
            } else if (change.existsAfter()) {
                inserts.add(new Object[] {did.value(), collection, rkey, change.cid.toString(), change.rev, change.bytes, at});
            }
            if (change.existsAfter()) {
                Set<Cid> distinct = new HashSet<>();
                for (BlobRef blob : change.blobs) {
                    if (distinct.add(blob.ref())) {
                        links.add(new Object[] {did.value(), collection, rkey, blob.ref().toString(), change.rev});
                    }
                }
            }
        });
        run(batch, "DELETE FROM record WHERE did = ? AND collection = ? AND rkey = ?", deletes);
        run(batch, "UPDATE record SET cid = ?, rev = ?, bytes = ?, indexed_at = ? WHERE did = ? AND collection = ? AND rkey = ?",
                updates);
        run(batch, "INSERT INTO record (did, collection, rkey, cid, rev, bytes, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                inserts);
        run(batch, "DELETE FROM record_blob WHERE did = ? AND collection = ? AND rkey = ?", unlinks);
        run(batch, "INSERT INTO record_blob (did, collection, rkey, blob_cid, rev) VALUES (?, ?, ?, ?, ?)", links);
    }

    private static void run(JdbcTemplate batch, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
    }
}
