package dev.skein.pds.auth;

import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code refresh_token} table. */
public final class RefreshTokenStore {

    /** A stored refresh token. */
    public record Row(String id, Did did, Instant expiresAt, Optional<String> appPasswordName, Optional<String> nextId) {}

    private final JdbcClient jdbc;

    public RefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, Did did, Instant expiresAt, Optional<String> appPasswordName) {
        jdbc.sql("INSERT INTO refresh_token (id, did, expires_at, app_password_name) VALUES (?, ?, ?, ?)")
                .param(id).param(did.value()).param(SqlTimes.param(expiresAt)).param(appPasswordName.orElse(null))
                .update();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM refresh_token WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    /** The token's row, locked until the transaction ends (two refreshes with one token serialise). */
    public Optional<Row> lock(String id) {
        return jdbc.sql("SELECT id, did, expires_at, app_password_name, next_id FROM refresh_token WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Row(rs.getString("id"), Did.parse(rs.getString("did")), SqlTimes.get(rs, "expires_at"),
                        Optional.ofNullable(rs.getString("app_password_name")), Optional.ofNullable(rs.getString("next_id"))))
                .optional();
    }

    /** Marks a used token: its successor, and its expiry cut to the grace period. */
    public void markUsed(String id, String nextId, Instant expiresAt) {
        jdbc.sql("UPDATE refresh_token SET next_id = ?, expires_at = ? WHERE id = ?")
                .param(nextId).param(SqlTimes.param(expiresAt)).param(id).update();
    }

    /** Revokes one token; whether it existed. */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM refresh_token WHERE id = ?").param(id).update() > 0;
    }

    public void deleteExpired(Did did, Instant now) {
        jdbc.sql("DELETE FROM refresh_token WHERE did = ? AND expires_at <= ?").param(did.value()).param(SqlTimes.param(now)).update();
    }

    /** Revokes every session of an account. */
    public void deleteAll(Did did) {
        jdbc.sql("DELETE FROM refresh_token WHERE did = ?").param(did.value()).update();
    }

    /** Revokes the sessions that logged in with an app password. */
    public void deleteForAppPassword(Did did, String name) {
        jdbc.sql("DELETE FROM refresh_token WHERE did = ? AND app_password_name = ?").param(did.value()).param(name).update();
    }
}
