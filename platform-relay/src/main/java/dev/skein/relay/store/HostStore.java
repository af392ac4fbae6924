package dev.skein.relay.store;

import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The relay's upstream hosts ({@code relay_host}). */
public final class HostStore {
    private static final String COLUMNS = "hostname, cursor_seq, status, account_limit, events_per_second, ssl, created_at, last_event_at";
    private static final RowMapper<HostRecord> ROW = (rs, i) -> new HostRecord(new Host(rs.getString(1)), rs.getLong(2),
            HostStatus.fromWire(rs.getString(3)), rs.getLong(4), rs.getInt(5), rs.getBoolean(6),
            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());

    private final JdbcTemplate jdbc;

    public HostStore(RelayDatabase db) {
        this.jdbc = db.jdbc();
    }

    public Optional<HostRecord> find(Host host) {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay_host WHERE hostname = ?", ROW, host.value()).stream().findFirst();
    }

    /** Hosts in hostname order after {@code after} (exclusive; {@code null} from the start). */
    public List<HostRecord> list(Host after, int limit) {
        return after == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM relay_host ORDER BY hostname LIMIT ?", ROW, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM relay_host WHERE hostname > ? ORDER BY hostname LIMIT ?", ROW,
                        after.value(), limit);
    }

    /** Inserts the host, or updates everything but its cursor and creation time. */
    public void save(HostRecord h) {
        int n = jdbc.update("UPDATE relay_host SET status = ?, account_limit = ?, events_per_second = ?, ssl = ? WHERE hostname = ?",
                h.status().wire(), h.accountLimit(), h.eventsPerSecond(), h.ssl(), h.host().value());
        if (n == 0) {
            jdbc.update("INSERT INTO relay_host (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", h.host().value(), h.cursor(),
                    h.status().wire(), h.accountLimit(), h.eventsPerSecond(), h.ssl(), Timestamp.from(h.createdAt()),
                    h.lastEventAt() == null ? null : Timestamp.from(h.lastEventAt()));
        }
    }

    /** Moves hosts' cursors forward (never back); call inside the sequencer's transaction. */
    public void advanceCursors(Map<Host, Long> cursors, Instant at) {
        if (cursors.isEmpty()) {
            return;
        }
        List<Map.Entry<Host, Long>> entries = List.copyOf(cursors.entrySet());
        jdbc.batchUpdate("UPDATE relay_host SET cursor_seq = ?, last_event_at = ? WHERE hostname = ? AND cursor_seq < ?",
                entries, entries.size(), (ps, e) -> {
                    ps.setLong(1, e.getValue());
                    ps.setTimestamp(2, Timestamp.from(at));
                    ps.setString(3, e.getKey().value());
                    ps.setLong(4, e.getValue());
                });
    }

    /** Sets the cursor, also backwards (an operator's reset). */
    public void resetCursor(Host host, long cursor) {
        jdbc.update("UPDATE relay_host SET cursor_seq = ? WHERE hostname = ?", cursor, host.value());
    }

    public void setStatus(Host host, HostStatus status) {
        jdbc.update("UPDATE relay_host SET status = ? WHERE hostname = ?", status.wire(), host.value());
    }

    /** How many hosts were added since {@code since}. */
    public long countCreatedSince(Instant since) {
        Long v = jdbc.queryForObject("SELECT COUNT(*) FROM relay_host WHERE created_at >= ?", Long.class, Timestamp.from(since));
        return v == null ? 0 : v;
    }
}
