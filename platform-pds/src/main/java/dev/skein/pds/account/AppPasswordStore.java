package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code app_password} table. */
public final class AppPasswordStore {

    /** An app password with its hash, for checking a login. */
    public record Stored(String name, String passwordHash, boolean privileged) {}

    private final JdbcClient jdbc;

    public AppPasswordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new app password; a duplicate name fails with a {@code DuplicateKeyException}. */
    public void insert(Did did, String name, String passwordHash, boolean privileged, Instant createdAt) {
        jdbc.sql("INSERT INTO app_password (did, name, password_hash, privileged, created_at) VALUES (?, ?, ?, ?, ?)")
                .param(did.value()).param(name).param(passwordHash).param(privileged).param(SqlTimes.param(createdAt))
                .update();
    }

    public List<AppPassword> list(Did did) {
        return jdbc.sql("SELECT name, privileged, created_at FROM app_password WHERE did = ? ORDER BY created_at, name")
                .param(did.value())
                .query((rs, n) -> new AppPassword(rs.getString("name"), rs.getBoolean("privileged"),
                        SqlTimes.get(rs, "created_at")))
                .list();
    }

    public List<Stored> stored(Did did) {
        return jdbc.sql("SELECT name, password_hash, privileged FROM app_password WHERE did = ?").param(did.value())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    public Optional<AppPassword> find(Did did, String name) {
        return jdbc.sql("SELECT name, privileged, created_at FROM app_password WHERE did = ? AND name = ?")
                .param(did.value()).param(name)
                .query((rs, n) -> new AppPassword(rs.getString("name"), rs.getBoolean("privileged"),
                        SqlTimes.get(rs, "created_at")))
                .optional();
    }

    public int count(Did did) {
        return jdbc.sql("SELECT COUNT(*) FROM app_password WHERE did = ?").param(did.value()).query(Integer.class).single();
    }

    /** Deletes the named app password; whether there was one. */
    public boolean delete(Did did, String name) {
        return jdbc.sql("DELETE FROM app_password WHERE did = ? AND name = ?").param(did.value()).param(name).update() > 0;
    }

    public void deleteAll(Did did) {
        jdbc.sql("DELETE FROM app_password WHERE did = ?").param(did.value()).update();
    }
}
