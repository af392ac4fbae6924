package dev.skein.relay.xrpc.sync;

import dev.skein.core.syntax.Did;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.AccountStatus;
import dev.skein.relay.web.XrpcError;

/** What the repo methods share: finding an account and refusing inactive ones with the lexicon's error names. */
final class Repos {
    private Repos() {}

    static AccountState find(Relay relay, Did did) {
        AccountState s = relay.processor().accounts().get(did);
        if (s == null) {
            throw new XrpcError(404, "RepoNotFound", "Could not find repo for DID: " + did);
        }
        return s;
    }

    /** The account, if it is active and has a commit; else the error its status calls for. */
    static AccountState available(Relay relay, Did did) {
        AccountState s = find(relay, did);
        AccountStatus status = s.status();
        switch (status) {
            case ACTIVE -> { }
            case TAKENDOWN -> throw new XrpcError(403, "RepoTakendown", "Repo has been takendown: " + did);
            case SUSPENDED -> throw new XrpcError(403, "RepoSuspended", "Repo has been suspended: " + did);
            case DELETED -> throw new XrpcError(404, "RepoNotFound", "Repo has been deleted: " + did);
            default -> throw new XrpcError(403, "RepoDeactivated", "Repo has been deactivated: " + did);
        }
        if (!s.hasCommit()) {
            throw new XrpcError(404, "RepoNotFound", "No commit seen yet for " + did);
        }
        return s;
    }
}
