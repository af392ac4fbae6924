package dev.skein.relay.xrpc.sync;

import dev.skein.core.syntax.Did;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.ingest.AccountStatus;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;

/** What the repo methods share: finding an account and refusing inactive ones with the lexicon's error names. */
final class Repos {
    private Repos() {}

    /** The {@code did} parameter, which the lexicon requires and checks the syntax of. */
    static Did did(XrpcRequest request) {
        return Did.parse(request.params().requireString("did"));
    }

    static AccountState find(Relay relay, Did did) {
        AccountState s = relay.processor().accounts().get(did);
        if (s == null) {
            throw new XrpcException(404, "RepoNotFound", "Could not find repo for DID: " + did);
        }
        return s;
    }

    /** The account, if it is active and has a commit; else the error its status calls for. */
    static AccountState available(Relay relay, Did did) {
        AccountState s = find(relay, did);
        AccountStatus status = s.status();
        switch (status) {
            case ACTIVE -> { }
            case TAKENDOWN -> throw new XrpcException(403, "RepoTakendown", "Repo has been takendown: " + did);
            case SUSPENDED -> throw new XrpcException(403, "RepoSuspended", "Repo has been suspended: " + did);
            case DELETED -> throw new XrpcException(404, "RepoNotFound", "Repo has been deleted: " + did);
            default -> throw new XrpcException(403, "RepoDeactivated", "Repo has been deactivated: " + did);
        }
        if (!s.hasCommit()) {
            throw new XrpcException(404, "RepoNotFound", "No commit seen yet for " + did);
        }
        return s;
    }
}
