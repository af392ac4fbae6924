package dev.skein.relay.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seq through which {@code relay_account} is current ({@code relay_checkpoint}, row {@code accounts}): every
 * change of an account made by an event at or before it is in the account's row; later changes of the last commit
 * only may still be only in the log.
 */
public final class AccountCheckpoint {
    private static final String NAME = "accounts";

    private final JdbcTemplate jdbc;

    public AccountCheckpoint(RelayDatabase db) {
        this.jdbc = db.jdbc();
    }

    public long seq() {
        Long v = jdbc.queryForObject("SELECT seq FROM relay_checkpoint WHERE name = ?", Long.class, NAME);
        return v == null ? 0 : v;
    }

    /** Moves the checkpoint; call inside the sequencer's transaction that wrote the accounts. */
    public void set(long seq) {
        jdbc.update("UPDATE relay_checkpoint SET seq = ? WHERE name = ?", seq, NAME);
    }
}
