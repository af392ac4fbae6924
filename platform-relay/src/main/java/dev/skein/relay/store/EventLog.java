package dev.skein.relay.store;

import dev.skein.core.syntax.Did;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The relay's event log ({@code relay_event}): appended by the sequencer, read by replays, trimmed by retention. */
public final class EventLog {
    private static final String COLUMNS = "seq, did, kind, time_us, span_us, frame";
    private static final RowMapper<LoggedEvent> ROW = (rs, i) -> new LoggedEvent(rs.getLong(1), new Did(rs.getString(2)),
            EventKind.fromColumn(rs.getString(3)), rs.getLong(4), rs.getInt(5), rs.getBytes(6));

    private final JdbcTemplate jdbc;

    public EventLog(RelayDatabase db) {
        this.jdbc = db.jdbc();
    }

    /** Appends events; call inside the sequencer's transaction. */
    public void append(List<LoggedEvent> events) {
        jdbc.batchUpdate("INSERT INTO relay_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", events, events.size(),
                (ps, e) -> {
                    ps.setLong(1, e.seq());
                    ps.setString(2, e.did().value());
                    ps.setString(3, e.kind().column());
                    ps.setLong(4, e.timeUs());
                    ps.setInt(5, e.spanUs());
                    ps.setBytes(6, e.frame());
                });
    }

    /** Up to {@code limit} events with {@code seq > after}, in order. */
    public List<LoggedEvent> after(long after, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay_event WHERE seq > ? ORDER BY seq LIMIT ?", ROW, after, limit);
    }

    /** Up to {@code limit} events with {@code seq > after} and {@code seq <= until}, in order. */
    public List<LoggedEvent> range(long after, long until, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", ROW,
                after, until, limit);
    }

    /**
     * The seq of the last event all of whose Jetstream microseconds are at or before {@code timeUs} (0 if none),
     * so that replaying from it gives every Jetstream event after {@code timeUs}, and possibly a few of one commit
     * at or before it, which the caller skips.
     */
    public long seqBeforeTime(long timeUs) {
        // A commit spans at most CommitEvent.MAX_OPS microseconds, so events starting earlier than that end in time.
        Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM relay_event WHERE time_us <= ?", Long.class,
                timeUs - dev.skein.core.firehose.CommitEvent.MAX_OPS);
        return seq == null ? 0 : seq;
    }

    public OptionalLong maxSeq() {
        Long v = jdbc.queryForObject("SELECT MAX(seq) FROM relay_event", Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public OptionalLong minSeq() {
        Long v = jdbc.queryForObject("SELECT MIN(seq) FROM relay_event", Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The first microsecond after every event's span, or empty. */
    public OptionalLong maxTimeUs() {
        Long v = jdbc.queryForObject("SELECT MAX(time_us + span_us) FROM relay_event", Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * Deletes events sequenced before {@code timeUs}, but never the newest one (its seq must survive restarts), nor
     * one after the account checkpoint (it may be all that holds an account's last commit, see
     * {@link AccountCheckpoint}).
     */
    public int deleteBefore(long timeUs) {
        return jdbc.update("DELETE FROM relay_event WHERE time_us < ? AND seq < (SELECT MAX(seq) FROM relay_event)"
                + " AND seq <= (SELECT seq FROM relay_checkpoint WHERE name = 'accounts')", timeUs);
    }

    public long count() {
        Long v = jdbc.queryForObject("SELECT COUNT(*) FROM relay_event", Long.class);
        return v == null ? 0 : v;
    }
}
