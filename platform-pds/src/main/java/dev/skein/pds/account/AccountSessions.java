package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.auth.RefreshCredentials;
import dev.skein.pds.auth.SessionTokens;
import dev.skein.pds.identity.HandleRules;
import dev.skein.pds.secrets.PasswordHasher;
import dev.skein.pds.secrets.Tokens;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.util.Locale;
import java.util.Optional;

/**
 * Logging in and out ({@code createSession}, {@code refreshSession}, {@code deleteSession}).
 *
 * <p>The identifier is a handle, an email address or the DID. The password is the account's, or one of its
 * app passwords (which gives a session with an app-password scope). Any mismatch, and an unknown or deleted
 * account, is the same 401 {@code AuthenticationRequired} "Invalid identifier or password"; a taken-down
 * account is 401 {@code AccountTakedown}. A password hash made with a lower cost than the configured one is
 * replaced on login.
 */
public final class AccountSessions {
    /** A session and the account it belongs to. */
    public record Login(Account account, SessionTokens.Session session) {}

    private final AccountStore accounts;
    private final AppPasswordStore appPasswords;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final HandleRules handles;
    private final Transactions tx;

    public AccountSessions(AccountStore accounts, AppPasswordStore appPasswords, PasswordHasher hasher,
                           SessionTokens sessions, HandleRules handles, Transactions tx) {
        this.accounts = accounts;
        this.appPasswords = appPasswords;
        this.hasher = hasher;
        this.sessions = sessions;
        this.handles = handles;
        this.tx = tx;
    }

    public Login login(String identifier, String password) {
        Account account = find(identifier.strip()).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(AccountSessions::badLogin);
        Optional<String> hash = accounts.passwordHash(account.did());
        boolean mainPassword = hash.isPresent() && hasher.verify(password, hash.get());
        Optional<AppPasswordStore.Stored> appPassword = Optional.empty();
        if (!mainPassword && Tokens.isAppPasswordShaped(password)) {
            appPassword = appPasswords.stored(account.did()).stream()
                    .filter(p -> hasher.verify(password, p.passwordHash())).findFirst();
        }
        if (!mainPassword && appPassword.isEmpty()) {
            throw badLogin();
        }
        if (account.status() == AccountStatus.TAKENDOWN) {
            throw XrpcException.unauthorized("AccountTakedown", "Account has been taken down", "Bearer");
        }
        String rehash = mainPassword && hasher.needsRehash(hash.get()) ? hasher.hash(password) : null;
        Optional<AppPasswordStore.Stored> used = appPassword;
        SessionTokens.Session session = tx.write(() -> {
            if (rehash != null) {
                accounts.setPasswordHash(account.did(), rehash);
            }
            return sessions.create(account.did(), used);
        });
        return new Login(account, session);
    }

    /** The next token pair for a refresh token, and the account. */
    public Login refresh(RefreshCredentials credentials) {
        SessionTokens.Session session = tx.write(() -> sessions.rotate(credentials));
        Account account = accounts.find(credentials.did()).orElseThrow(() -> XrpcException.badRequest("InvalidToken", "Account not found"));
        return new Login(account, session);
    }

    /** Ends the session of a refresh token (expired ones included). */
    public void logout(RefreshCredentials credentials) {
        tx.write(() -> sessions.revoke(credentials.tokenId()));
    }

    public Account account(Did did) {
        return accounts.find(did).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> XrpcException.badRequest("InvalidToken", "Account not found"));
    }

    private Optional<Account> find(String identifier) {
        if (identifier.contains("@")) {
            return accounts.findByEmail(identifier.toLowerCase(Locale.ROOT));
        }
        if (identifier.startsWith("did:")) {
            try {
                return accounts.find(Did.parse(identifier));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            Handle handle = handles.parse(identifier);
            return accounts.findByHandle(handle);
        } catch (XrpcException e) {
            return Optional.empty();
        }
    }

    private static XrpcException badLogin() {
        return XrpcException.unauthorized("AuthenticationRequired", "Invalid identifier or password", "Bearer");
    }
}
