package dev.skein.pds.repo;

import dev.skein.core.syntax.AtIdentifier;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.XrpcException;
import java.util.Optional;

/**
 * Which repository a call names ({@code repo}: a DID or a handle) and whether it may be written or read,
 * with the reference PDS's answers: a write to another account's repository is 401
 * {@code AuthenticationRequired}; a deactivated account cannot write (400 {@code AccountDeactivated}) nor a
 * taken-down one (400 {@code AccountTakedown}); a repository that is not served is {@code RepoNotFound},
 * {@code RepoTakendown} or {@code RepoDeactivated} for the sync and describe methods.
 */
public final class RepoAccess {
    private final AccountStore accounts;

    public RepoAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The account a repo identifier names here (deleted accounts are not found). */
    public Optional<Account> find(String repo) {
        AtIdentifier id;
        try {
            id = AtIdentifier.parse(repo);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Account> account = switch (id) {
            case Did did -> accounts.find(did);
            case Handle handle -> accounts.findByHandle(handle.normalized());
        };
        return account.filter(a -> a.status() != AccountStatus.DELETED);
    }

    /**
     * The caller's own repository, named by {@code repo}. Named by the caller's DID it needs no lookup: the
     * caller's token was checked moments ago, and the writer checks the account's status again when it
     * commits; named otherwise, it must resolve to the caller and be writable.
     */
    public Did ownRepo(Did caller, String repo) {
        if (repo.equals(caller.value())) {
            return caller;
        }
        Account account = find(repo).orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + repo));
        if (!account.did().equals(caller)) {
            throw XrpcException.unauthorized("AuthenticationRequired", "Authentication Required", "Bearer");
        }
        requireWritable(account);
        return account.did();
    }

    /** Refuses writes to an account that is not active. */
    public static void requireWritable(Account account) {
        requireWritable(account.did(), account.status());
    }

    /** Refuses writes to the account {@code did}, whose status is {@code status}, unless it is active. */
    public static void requireWritable(Did did, AccountStatus status) {
        switch (status) {
            case ACTIVE -> { }
            case DEACTIVATED -> throw XrpcException.badRequest("AccountDeactivated", "Account is deactivated");
            case TAKENDOWN -> throw XrpcException.badRequest("AccountTakedown", "Account has been taken down");
            case DELETED -> throw XrpcException.invalidRequest("Could not find repo: " + did);
        }
    }

    /** An active repository for the sync and describe methods; otherwise their lexicon's errors. */
    public Account requireAvailable(String repo) {
        Account account = find(repo).orElseThrow(() -> XrpcException.badRequest("RepoNotFound", "Could not find repo: " + repo));
        return switch (account.status()) {
            case ACTIVE -> account;
            case DEACTIVATED -> throw XrpcException.badRequest("RepoDeactivated", "Repo has been deactivated: " + repo);
            case TAKENDOWN -> throw XrpcException.badRequest("RepoTakendown", "Repo has been takendown: " + repo);
            case DELETED -> throw XrpcException.badRequest("RepoNotFound", "Could not find repo: " + repo);
        };
    }
}
