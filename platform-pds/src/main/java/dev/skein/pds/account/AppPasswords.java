package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.pds.auth.RefreshTokenStore;
import dev.skein.pds.secrets.PasswordHasher;
import dev.skein.pds.secrets.Tokens;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;

/**
 * App passwords: named second passwords of the form {@code xxxx-xxxx-xxxx-xxxx}, shown once when created
 * and stored as scrypt hashes. Revoking one also ends the sessions that logged in with it.
 */
public final class AppPasswords {
    /** Most app passwords an account may have. */
    public static final int MAX_PER_ACCOUNT = 50;
    /** Longest name. */
    public static final int MAX_NAME_LENGTH = 64;

    /** A new app password, with the password itself. */
    public record Created(String name, String password, Instant createdAt, boolean privileged) {}

    private final AppPasswordStore store;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final Transactions tx;
    private final Clock clock;

    public AppPasswords(AppPasswordStore store, RefreshTokenStore refreshTokens, PasswordHasher hasher,
                        Transactions tx, Clock clock) {
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tx = tx;
        this.clock = clock;
    }

    public Created create(Did did, String name, boolean privileged) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            throw XrpcException.invalidRequest("App password names are 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String password = Tokens.appPassword();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        try {
            tx.write(() -> {
                if (store.count(did) >= MAX_PER_ACCOUNT) {
                    throw XrpcException.invalidRequest("Too many app passwords: at most " + MAX_PER_ACCOUNT);
                }
                store.insert(did, n, hash, privileged, now);
            });
        } catch (DuplicateKeyException e) {
            throw XrpcException.invalidRequest("An app password with that name already exists: " + n);
        }
        return new Created(n, password, now, privileged);
    }

    public List<AppPassword> list(Did did) {
        return store.list(did);
    }

    /** Revokes the named app password and its sessions; revoking one that does not exist does nothing. */
    public void revoke(Did did, String name) {
        tx.write(() -> {
            store.delete(did, name);
            refreshTokens.deleteForAppPassword(did, name);
        });
    }
}
