package dev.skein.relay.store;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.DidKey;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.AccountStatus;
import dev.skein.relay.ingest.AccountStore;
import dev.skein.relay.ingest.SyncState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The relay's accounts ({@code relay_account}). A resync in progress is stored as desynchronised: after a restart
 * it has to be started again.
 */
public final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "did, host, upstream_status, taken_down, rev, data_cid, commit_cid, signing_key, desynchronized";
    private static final RowMapper<AccountState> ROW = (rs, i) -> new AccountState(new Did(rs.getString(1)),
            new Host(rs.getString(2)), AccountStatus.fromWire(rs.getString(3)).orElse(AccountStatus.DEACTIVATED),
            rs.getBoolean(4), rs.getString(5) == null ? null : new Tid(rs.getString(5)),
            rs.getString(6) == null ? null : Cid.parse(rs.getString(6)), rs.getString(7) == null ? null : Cid.parse(rs.getString(7)),
            rs.getString(8) == null ? null : DidKey.parse(rs.getString(8)),
            rs.getBoolean(9) ? SyncState.DESYNCHRONIZED : SyncState.SYNCHRONIZED);

    private final JdbcTemplate jdbc;

    public JdbcAccountStore(RelayDatabase db) {
        this.jdbc = db.jdbc();
    }

    @Override
    public Optional<AccountState> find(Did did) {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay_account WHERE did = ?", ROW, did.value()).stream().findFirst();
    }

    @Override
    public Map<Host, Long> countByHost() {
        Map<Host, Long> out = new HashMap<>();
        jdbc.query("SELECT host, COUNT(*) FROM relay_account GROUP BY host", rs -> {
            out.put(new Host(rs.getString(1)), rs.getLong(2));
        });
        return out;
    }

    @Override
    public List<AccountState> desynchronized(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM relay_account WHERE desynchronized = TRUE LIMIT ?", ROW, limit);
    }

    /** Accounts in DID order after {@code after} (exclusive; {@code null} from the start). */
    public List<AccountState> list(Did after, int limit) {
        return after == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM relay_account ORDER BY did LIMIT ?", ROW, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM relay_account WHERE did > ? ORDER BY did LIMIT ?", ROW, after.value(), limit);
    }

    /** Writes account states (one per DID); call inside the sequencer's transaction. Updates, then inserts the new. */
    public void save(List<AccountState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Object[]> rows = states.stream().map(JdbcAccountStore::row).toList();
        int[][] updated = jdbc.batchUpdate("UPDATE relay_account SET host = ?, upstream_status = ?, taken_down = ?, rev = ?,"
                + " data_cid = ?, commit_cid = ?, signing_key = ?, desynchronized = ? WHERE did = ?", rows, rows.size(),
                (ps, r) -> bind(ps, r));
        List<Object[]> missing = new java.util.ArrayList<>();
        int i = 0;
        for (int[] batch : updated) {
            for (int n : batch) {
                // Drivers may answer SUCCESS_NO_INFO (-2) for a batch: then the row is taken as present.
                if (n == 0) {
                    missing.add(rows.get(i));
                }
                i++;
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO relay_account (host, upstream_status, taken_down, rev, data_cid, commit_cid, signing_key,"
                    + " desynchronized, did) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", missing, missing.size(), (ps, r) -> bind(ps, r));
        }
    }

    private static Object[] row(AccountState s) {
        return new Object[] {s.host().value(), s.upstreamStatus().wire(), s.takenDown(), text(s.rev()), text(s.data()),
                text(s.commit()), s.signingKey() == null ? null : s.signingKey().didKey(), s.sync() != SyncState.SYNCHRONIZED,
                s.did().value()};
    }

    private static void bind(java.sql.PreparedStatement ps, Object[] r) throws java.sql.SQLException {
        for (int k = 0; k < r.length; k++) {
            ps.setObject(k + 1, r[k]);
        }
    }

    public long count() {
        Long v = jdbc.queryForObject("SELECT COUNT(*) FROM relay_account", Long.class);
        return v == null ? 0 : v;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
