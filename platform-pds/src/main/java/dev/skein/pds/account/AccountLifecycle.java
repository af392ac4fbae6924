package dev.skein.pds.account;

import dev.skein.core.car.CarWriter;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.syntax.Did;
import dev.skein.pds.auth.SessionTokens;
import dev.skein.pds.repo.RepoRoot;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.secrets.PasswordHasher;
import dev.skein.pds.secrets.Tokens;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Account status changes and deletion, each in one transaction with its {@code #account} event
 * (activation also re-announces the identity and the current commit).
 *
 * <p>Owners deactivate and reactivate their accounts and delete them with their password and a one-time
 * token ({@code requestAccountDelete}); the administrator takes accounts down (which also ends their
 * sessions), restores them, and deletes them. Deleting keeps a tombstone row and removes the handle, email,
 * credentials, key, sessions and repository; the account's earlier events are purged and its DID is left
 * at the PLC directory, as the reference PDS does.
 */
public final class AccountLifecycle {
    /** How long a deletion token stays valid. */
    public static final Duration DELETE_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final AccountStore accounts;
    private final AppPasswordStore appPasswords;
    private final AccountTokenStore tokens;
    private final AccountTokenDelivery delivery;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final RepoStore repos;
    private final AccountEvents events;
    private final Transactions tx;
    private final Clock clock;

    public AccountLifecycle(AccountStore accounts, AppPasswordStore appPasswords, AccountTokenStore tokens,
                            AccountTokenDelivery delivery, PasswordHasher hasher, SessionTokens sessions, RepoStore repos,
                            AccountEvents events, Transactions tx, Clock clock) {
        this.accounts = accounts;
        this.appPasswords = appPasswords;
        this.tokens = tokens;
        this.delivery = delivery;
        this.hasher = hasher;
        this.sessions = sessions;
        this.repos = repos;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reactivates a deactivated account; an active one is left as it is. */
    public void activate(Did did) {
        tx.write(() -> {
            Account a = lockExisting(did);
            if (a.status() == AccountStatus.ACTIVE) {
                return;
            }
            if (a.status() != AccountStatus.DEACTIVATED) {
                throw XrpcException.invalidRequest("Account is " + a.status().wire() + " and cannot be activated by its owner");
            }
            accounts.setStatus(did, AccountStatus.ACTIVE, Optional.empty(), Optional.empty());
            RepoRoot root = repos.root(did).orElseThrow(() -> new IllegalStateException("no repository for " + did));
            byte[] commit = repos.block(did, root.commit()).orElseThrow(() -> new IllegalStateException("commit block missing for " + did));
            byte[] car = CarWriter.toBytes(List.of(root.commit()), Map.of(root.commit(), commit));
            events.activated(did, a.handleOrInvalid(), seq -> new SyncEvent(seq, did, car, root.rev(), events.now()));
        });
    }

    /** Deactivates an active account, optionally noting when its owner wants it deleted. */
    public void deactivate(Did did, Optional<Instant> deleteAfter) {
        tx.write(() -> {
            Account a = lockExisting(did);
            if (a.status() == AccountStatus.TAKENDOWN) {
                throw XrpcException.invalidRequest("Account is taken down");
            }
            accounts.setStatus(did, AccountStatus.DEACTIVATED, Optional.of(clock.instant()), deleteAfter);
            if (a.status() != AccountStatus.DEACTIVATED) {
                events.account(did, AccountStatus.DEACTIVATED);
            }
        });
    }

    /** Issues the one-time token that {@link #deleteByOwner} needs, and hands it to the delivery. */
    public void requestDelete(Did did) {
        String token = Tokens.oneTimeToken();
        Account a = tx.write(() -> {
            Account account = lockExisting(did);
            tokens.put(did, AccountTokenStore.Purpose.DELETE_ACCOUNT, Tokens.sha256Hex(token),
                    clock.instant().plus(DELETE_TOKEN_LIFETIME));
            return account;
        });
        delivery.deliver(a, AccountTokenStore.Purpose.DELETE_ACCOUNT, token);
    }

    /** Deletes an account at its owner's request: its password and a valid deletion token. */
    public void deleteByOwner(Did did, String password, String token) {
        Account a = accounts.find(did).filter(x -> x.status() != AccountStatus.DELETED).orElseThrow(AccountLifecycle::badCredentials);
        if (!accounts.passwordHash(did).map(h -> hasher.verify(password, h)).orElse(false)) {
            throw badCredentials();
        }
        AccountTokenStore.Stored stored = tokens.find(a.did(), AccountTokenStore.Purpose.DELETE_ACCOUNT)
                .orElseThrow(() -> XrpcException.badRequest("InvalidToken", "Token is invalid"));
        if (!Tokens.constantTimeEquals(stored.tokenHash(), Tokens.sha256Hex(token.strip()))) {
            throw XrpcException.badRequest("InvalidToken", "Token is invalid");
        }
        if (!stored.expiresAt().isAfter(clock.instant())) {
            throw XrpcException.badRequest("ExpiredToken", "Token is expired");
        }
        delete(did);
    }

    /** Deletes an account (administrator, or the owner once checked). */
    public void delete(Did did) {
        tx.write(() -> {
            lockExisting(did);
            repos.delete(did);
            appPasswords.deleteAll(did);
            tokens.deleteAll(did);
            sessions.revokeAll(did);
            accounts.tombstone(did);
            events.deleted(did);
        });
    }

    /** Takes an account down, or restores it, with the administrator's reference. */
    public void takedown(Did did, boolean applied, Optional<String> ref) {
        tx.write(() -> {
            Account a = lockExisting(did);
            if (applied) {
                accounts.setTakedown(did, AccountStatus.TAKENDOWN, ref);
                sessions.revokeAll(did);
                if (a.status() != AccountStatus.TAKENDOWN) {
                    events.account(did, AccountStatus.TAKENDOWN);
                }
            } else if (a.status() == AccountStatus.TAKENDOWN) {
                AccountStatus restored = a.deactivatedAt().isPresent() ? AccountStatus.DEACTIVATED : AccountStatus.ACTIVE;
                accounts.setTakedown(did, restored, Optional.empty());
                events.account(did, restored);
            }
        });
    }

    private Account lockExisting(Did did) {
        Account a = accounts.lock(did).orElseThrow(() -> XrpcException.badRequest("AccountNotFound", "Account not found: " + did));
        if (a.status() == AccountStatus.DELETED) {
            throw XrpcException.badRequest("AccountNotFound", "Account has been deleted: " + did);
        }
        return a;
    }

    private static XrpcException badCredentials() {
        return XrpcException.unauthorized("AuthenticationRequired", "Invalid did or password", "Bearer");
    }
}
