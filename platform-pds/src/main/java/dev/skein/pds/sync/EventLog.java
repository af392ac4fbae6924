package dev.skein.pds.sync;

import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored events ({@code repo_seq}) as {@code subscribeRepos} reads them, and their retention. The
 * sequencer writes the table; this reads it, and deletes what is older than the replay window.
 */
public final class EventLog {
    /** Rows deleted per statement when pruning, so no transaction grows large. */
    static final int PRUNE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final int pruneBatch;

    public EventLog(JdbcClient jdbc) {
        this(jdbc, PRUNE_BATCH);
    }

    EventLog(JdbcClient jdbc, int pruneBatch) {
        this.jdbc = jdbc;
        this.pruneBatch = pruneBatch;
    }

    /** Up to {@code limit} events with a seq above {@code seq}, in order. */
    public List<SequencedFrame> after(long seq, int limit) {
        return jdbc.sql("SELECT seq, event FROM repo_seq WHERE seq > ? ORDER BY seq LIMIT ?").param(seq).param(limit)
                .query((rs, n) -> new SequencedFrame(rs.getLong(1), rs.getBytes(2))).list();
    }

    /** The last seq handed out and committed (0 before any), whether or not its event is still stored. */
    public long lastSeq() {
        return jdbc.sql("SELECT last_seq FROM sequencer_state WHERE id = 1").query(Long.class).single();
    }

    /** The highest seq retention may have deleted: a cursor below it has missed events. */
    public long prunedThrough() {
        return jdbc.sql("SELECT pruned_through FROM repo_seq_retention WHERE id = 1").query(Long.class).single();
    }

    /**
     * Where the replay window starts for a window beginning at {@code cutoff}: the highest seq that is
     * outside it, deleted already or sequenced before {@code cutoff}; events after it are replayable.
     */
    public long windowStart(Instant cutoff) {
        return Math.max(prunedThrough(), lastBefore(cutoff));
    }

    /**
     * Deletes the events sequenced before {@code cutoff}; returns how many went. The window's new start is
     * recorded first, so a consumer that connects meanwhile is told it missed events.
     */
    public long prune(Instant cutoff) {
        long through = lastBefore(cutoff);
        if (through == 0) {
            return 0;
        }
        jdbc.sql("UPDATE repo_seq_retention SET pruned_through = ? WHERE id = 1 AND pruned_through < ?")
                .param(through).param(through).update();
        long first = jdbc.sql("SELECT COALESCE(MIN(seq), 0) FROM repo_seq").query(Long.class).single();
        long deleted = 0;
        for (long from = first - 1; from < through; from += pruneBatch) {
            deleted += jdbc.sql("DELETE FROM repo_seq WHERE seq > ? AND seq <= ?")
                    .param(from).param(Math.min(through, from + pruneBatch)).update();
        }
        return deleted;
    }

    /** The highest stored seq sequenced before {@code cutoff}, or 0. */
    private long lastBefore(Instant cutoff) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM repo_seq WHERE sequenced_at < ?").param(SqlTimes.param(cutoff))
                .query(Long.class).single();
    }
}
