package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.repo.RepoCommit;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commits one writer made to one repository in one batch, stored together: the new blocks (each once,
 * skipping those {@code repo_block} already has), the net change to each record row and its blob
 * references (a record created then updated in the same batch is one insert), the final root, and one
 * {@code #commit} event per commit, in commit order. Events are appended last, so that the sequencer's lock
 * is held only for the end of the transaction.
 */
final class CommitBatch {
    private record Block(String rev, byte[] bytes) {}

    /** A record's state after the batch, and whether it existed before it. */
    private static final class PathChange {
        final boolean existedBefore;
        Cid cid;
        byte[] bytes;
        String rev;
        List<BlobRef> blobs = List.of();

        PathChange(boolean existedBefore) {
            this.existedBefore = existedBefore;
        }

        boolean existsAfter() {
            return cid != null;
        }
    }

    private final Did did;
    private final Map<Cid, Block> blocks = new LinkedHashMap<>();
    private final Map<String, PathChange> paths = new LinkedHashMap<>();
    private final List<RepoCommit> commits = new ArrayList<>();

    CommitBatch(Did did) {
        this.did = did;
    }

    boolean isEmpty() {
        return commits.isEmpty();
    }

    /** Adds a commit; {@code records} are the prepared records of its creates and updates, by path. */
    void add(RepoCommit commit, Map<String, PreparedRecord> records) {
        String rev = commit.commit().rev().value();
        commit.newBlocks().forEach((cid, bytes) -> blocks.putIfAbsent(cid, new Block(rev, bytes)));
        for (RepoOp op : commit.ops()) {
            PathChange change = paths.computeIfAbsent(op.path(), p -> new PathChange(op.action() != RepoOp.Action.CREATE));
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
        storeBlocks(batch);
        storeRecords(batch, at);
        RepoCommit last = commits.getLast();
        int updated = jdbc.sql("UPDATE repo_root SET commit_cid = ?, rev = ?, updated_at = ? WHERE did = ?")
                .param(last.cid().toString()).param(last.commit().rev().value()).param(at).param(did.value()).update();
        if (updated != 1) {
            throw new IllegalStateException("no repository root for " + did);
        }
        for (RepoCommit commit : commits) {
            sequencer.append(did, seq -> commit.toEvent(seq, time));
        }
    }

    /**
     * Inserts each new block unless {@code repo_block} has it: a record with the same content as another
     * one, or a node of an earlier tree shape, may be offered again. Each check is a primary-key lookup
     * inside the insert (a single {@code IN} list over the account's blocks is not planned as one on H2).
     */
    private void storeBlocks(JdbcTemplate batch) {
        List<Object[]> rows = new ArrayList<>(blocks.size());
        blocks.forEach((cid, block) -> {
            String c = cid.toString();
            rows.add(new Object[] {did.value(), c, block.rev(), block.bytes(), did.value(), c});
        });
        run(batch, "INSERT INTO repo_block (did, cid, rev, bytes) SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM repo_block WHERE did = ? AND cid = ?)", rows);
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
            if (change.existedBefore) {
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
