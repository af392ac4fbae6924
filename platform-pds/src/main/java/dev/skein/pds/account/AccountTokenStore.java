package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code account_token} table: one-time tokens an account asked for, one per purpose, stored as
 * digests (a database copy does not reveal them).
 */
public final class AccountTokenStore {
    /** What a token is for. */
    public enum Purpose {
        DELETE_ACCOUNT("delete_account");

        private final String wire;

        Purpose(String wire) {
            this.wire = wire;
        }
    }

    /** A stored token: its digest and expiry. */
    public record Stored(String tokenHash, Instant expiresAt) {}

    private final JdbcClient jdbc;

    public AccountTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the token for {@code purpose}, replacing an earlier one. */
    public void put(Did did, Purpose purpose, String tokenHash, Instant expiresAt) {
        delete(did, purpose);
        jdbc.sql("INSERT INTO account_token (did, purpose, token_hash, expires_at) VALUES (?, ?, ?, ?)")
                .param(did.value()).param(purpose.wire).param(tokenHash).param(SqlTimes.param(expiresAt)).update();
    }

    public Optional<Stored> find(Did did, Purpose purpose) {
        return jdbc.sql("SELECT token_hash, expires_at FROM account_token WHERE did = ? AND purpose = ?")
                .param(did.value()).param(purpose.wire)
                .query((rs, n) -> new Stored(rs.getString(1), SqlTimes.get(rs, "expires_at"))).optional();
    }

    public void delete(Did did, Purpose purpose) {
        jdbc.sql("DELETE FROM account_token WHERE did = ? AND purpose = ?").param(did.value()).param(purpose.wire).update();
    }

    public void deleteAll(Did did) {
        jdbc.sql("DELETE FROM account_token WHERE did = ?").param(did.value()).update();
    }
}
