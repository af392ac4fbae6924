package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.store.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code account} table. Handles and emails are stored lowercase; callers normalise before asking.
 * Accounts' statuses are also cached for {@link #status} ({@link AccountStatusCache}): every change of a
 * status goes through this class, which invalidates the cached one.
 */
public final class AccountStore {
    private static final String COLUMNS =
            "did, handle, email, status, takedown_ref, created_at, deactivated_at, delete_after";
    /** How many accounts' statuses are kept. */
    private static final int CACHED_STATUSES = 10_000;

    private final JdbcClient jdbc;
    private final AccountStatusCache statuses = new AccountStatusCache(CACHED_STATUSES);

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new account row; a duplicate DID, handle or email fails with a {@code DuplicateKeyException}. */
    public void insert(Did did, Handle handle, Optional<String> email, Optional<String> passwordHash,
                       AccountStatus status, byte[] sealedKey, Instant now) {
        jdbc.sql("INSERT INTO account (did, handle, email, password_hash, status, signing_key, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(did.value()).param(handle.value()).param(email.orElse(null)).param(passwordHash.orElse(null))
                .param(status.wire()).param(sealedKey).param(SqlTimes.param(now))
                .update();
    }

    public Optional<Account> find(Did did) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE did = ?").param(did.value())
                .query(AccountStore::row).optional();
    }

    /**
     * The account's status, from the cache when it has it (a status changed by this PDS is never served
     * stale: see {@link AccountStatusCache}); empty when there is no such account.
     */
    public Optional<AccountStatus> status(Did did) {
        Optional<AccountStatus> cached = statuses.get(did);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = statuses.generation();
        Optional<AccountStatus> status = storedStatus(did);
        status.ifPresent(s -> statuses.put(did, s, generation));
        return status;
    }

    /** The account's status as stored (in the caller's transaction, if any), never from the cache. */
    public Optional<AccountStatus> storedStatus(Did did) {
        return jdbc.sql("SELECT status FROM account WHERE did = ?").param(did.value())
                .query((rs, n) -> AccountStatus.fromWire(rs.getString(1))).optional();
    }

    /** The account's status if the cache has it: no database read, so callers may ask from any thread. */
    public Optional<AccountStatus> cachedStatus(Did did) {
        return statuses.get(did);
    }

    public List<Account> find(Collection<Did> dids) {
        if (dids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE did IN (:dids)")
                .param("dids", dids.stream().map(Did::value).toList())
                .query(AccountStore::row).list();
    }

    public Optional<Account> findByHandle(Handle handle) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE handle = ?").param(handle.value())
                .query(AccountStore::row).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE email = ?").param(email)
                .query(AccountStore::row).optional();
    }

    /** Locks the account's row until the transaction ends, so that changes to one account serialise. */
    public Optional<Account> lock(Did did) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE did = ? FOR UPDATE").param(did.value())
                .query(AccountStore::row).optional();
    }

    public Optional<String> passwordHash(Did did) {
        return jdbc.sql("SELECT password_hash FROM account WHERE did = ?").param(did.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(h -> h);
    }

    public void setPasswordHash(Did did, String hash) {
        jdbc.sql("UPDATE account SET password_hash = ? WHERE did = ?").param(hash).param(did.value()).update();
    }

    public Optional<byte[]> sealedSigningKey(Did did) {
        return jdbc.sql("SELECT signing_key FROM account WHERE did = ?").param(did.value())
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).optional().flatMap(k -> k);
    }

    public void setHandle(Did did, Handle handle) {
        jdbc.sql("UPDATE account SET handle = ? WHERE did = ?").param(handle.value()).param(did.value()).update();
    }

    public void setStatus(Did did, AccountStatus status, Optional<Instant> deactivatedAt, Optional<Instant> deleteAfter) {
        jdbc.sql("UPDATE account SET status = ?, deactivated_at = ?, delete_after = ? WHERE did = ?")
                .param(status.wire()).param(SqlTimes.param(deactivatedAt.orElse(null)))
                .param(SqlTimes.param(deleteAfter.orElse(null))).param(did.value()).update();
        statusChanged(did);
    }

    public void setTakedown(Did did, AccountStatus status, Optional<String> ref) {
        jdbc.sql("UPDATE account SET status = ?, takedown_ref = ? WHERE did = ?")
                .param(status.wire()).param(ref.orElse(null)).param(did.value()).update();
        statusChanged(did);
    }

    /** Turns the row into a tombstone: status deleted, and no handle, email, password or key. */
    public void tombstone(Did did) {
        jdbc.sql("UPDATE account SET status = ?, handle = NULL, email = NULL, password_hash = NULL, signing_key = NULL, "
                        + "takedown_ref = NULL, deactivated_at = NULL, delete_after = NULL WHERE did = ?")
                .param(AccountStatus.DELETED.wire()).param(did.value()).update();
        statusChanged(did);
    }

    /**
     * Invalidates the account's cached status after its row was updated, and, inside a transaction, again
     * once the transaction has ended: until it commits, a status read sees the row before the change.
     */
    private void statusChanged(Did did) {
        statuses.invalidate(did);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    statuses.invalidate(did);
                }
            });
        }
    }

    private static Account row(ResultSet rs, int n) throws SQLException {
        String handle = rs.getString("handle");
        return new Account(
                Did.parse(rs.getString("did")),
                Optional.ofNullable(handle).map(Handle::parse),
                Optional.ofNullable(rs.getString("email")),
                AccountStatus.fromWire(rs.getString("status")),
                Optional.ofNullable(rs.getString("takedown_ref")),
                SqlTimes.get(rs, "created_at"),
                SqlTimes.find(rs, "deactivated_at"),
                SqlTimes.find(rs, "delete_after"));
    }
}
