package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository tables. Call inside the write transaction of the change, together with the sequencer,
 * so that a commit, its blocks, its records and its {@code #commit} event are stored all or nothing.
 */
public final class RepoStore {
    private final JdbcClient jdbc;

    public RepoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A block store over {@code did}'s blocks, for loading its repository and building the next commit. */
    public JdbcBlockStore blocks(Did did) {
        return new JdbcBlockStore(jdbc, did);
    }

    public Optional<RepoRoot> root(Did did) {
        return jdbc.sql("SELECT commit_cid, rev FROM repo_root WHERE did = ?").param(did.value())
                .query((rs, n) -> new RepoRoot(Cid.parse(rs.getString(1)), Tid.parse(rs.getString(2)))).optional();
    }

    /** The highest rev of any repository here, to seed the rev clock so that revs increase across restarts. */
    public Optional<Tid> latestRev() {
        return jdbc.sql("SELECT MAX(rev) FROM repo_root").query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .single().map(Tid::parse);
    }

    /** Locks the account's root until the transaction ends: commits to one repository serialise. */
    public Optional<RepoRoot> lockRoot(Did did) {
        return jdbc.sql("SELECT commit_cid, rev FROM repo_root WHERE did = ? FOR UPDATE").param(did.value())
                .query((rs, n) -> new RepoRoot(Cid.parse(rs.getString(1)), Tid.parse(rs.getString(2)))).optional();
    }

    /**
     * Locks the account's root until the transaction ends, as {@link #lockRoot} does, if it is still at
     * {@code commit}; false (and no lock) if it is not, or there is none. One UPDATE that changes nothing:
     * unlike a {@code SELECT ... FOR UPDATE}, H2 keeps it in its statement cache rather than parsing it again.
     */
    public boolean lockRootAt(Did did, Cid commit) {
        return jdbc.sql("UPDATE repo_root SET commit_cid = commit_cid WHERE did = ? AND commit_cid = ?")
                .param(did.value()).param(commit.toString()).update() == 1;
    }

    /**
     * Stores a commit: its new blocks (tagged with its rev), the new root, and the record rows its
     * operations create, update or delete.
     */
    public void saveCommit(RepoCommit commit, Instant now) {
        Did did = commit.commit().did();
        String rev = commit.commit().rev().value();
        for (Map.Entry<Cid, byte[]> block : commit.newBlocks().entrySet()) {
            boolean stored = jdbc.sql("SELECT COUNT(*) FROM repo_block WHERE did = ? AND cid = ?")
                    .param(did.value()).param(block.getKey().toString()).query(Integer.class).single() > 0;
            if (!stored) {
                jdbc.sql("INSERT INTO repo_block (did, cid, rev, bytes) VALUES (?, ?, ?, ?)")
                        .param(did.value()).param(block.getKey().toString()).param(rev).param(block.getValue()).update();
            }
        }
        int updated = jdbc.sql("UPDATE repo_root SET commit_cid = ?, rev = ?, updated_at = ? WHERE did = ?")
                .param(commit.cid().toString()).param(rev).param(SqlTimes.param(now)).param(did.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO repo_root (did, commit_cid, rev, updated_at) VALUES (?, ?, ?, ?)")
                    .param(did.value()).param(commit.cid().toString()).param(rev).param(SqlTimes.param(now)).update();
        }
        for (RepoOp op : commit.ops()) {
            jdbc.sql("DELETE FROM record WHERE did = ? AND collection = ? AND rkey = ?")
                    .param(did.value()).param(op.collection().value()).param(op.rkey().value()).update();
            if (op.action() != RepoOp.Action.DELETE) {
                byte[] value = commit.newBlocks().get(op.cid());
                if (value == null) {
                    value = blocks(did).require(op.cid());
                }
                jdbc.sql("INSERT INTO record (did, collection, rkey, cid, rev, bytes, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .param(did.value()).param(op.collection().value()).param(op.rkey().value())
                        .param(op.cid().toString()).param(rev).param(value).param(SqlTimes.param(now)).update();
            }
        }
    }

    /** The bytes of one of {@code did}'s blocks. */
    public Optional<byte[]> block(Did did, Cid cid) {
        return Optional.ofNullable(blocks(did).get(cid));
    }

    public long blockCount(Did did) {
        return jdbc.sql("SELECT COUNT(*) FROM repo_block WHERE did = ?").param(did.value()).query(Long.class).single();
    }

    public long recordCount(Did did) {
        return jdbc.sql("SELECT COUNT(*) FROM record WHERE did = ?").param(did.value()).query(Long.class).single();
    }

    /** Deletes the repository: records, their blob links, blocks and root. */
    public void delete(Did did) {
        jdbc.sql("DELETE FROM record_blob WHERE did = ?").param(did.value()).update();
        jdbc.sql("DELETE FROM record WHERE did = ?").param(did.value()).update();
        jdbc.sql("DELETE FROM repo_block WHERE did = ?").param(did.value()).update();
        jdbc.sql("DELETE FROM repo_root WHERE did = ?").param(did.value()).update();
    }
}
