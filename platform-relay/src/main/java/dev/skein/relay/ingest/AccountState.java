package dev.skein.relay.ingest;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.host.Host;
import java.util.Objects;

/**
 * What the relay knows of one account: the host its events must come from, its hosting status upstream and the
 * relay's own takedown, the last verified commit (rev, MST root, commit CID), its current signing key, and
 * whether its commit chain is intact. Immutable; the {@code with…} methods make the next state.
 *
 * @param upstreamStatus the status its PDS last reported
 * @param takenDown whether the relay's operator took it down (overrides an active upstream status)
 * @param rev the last verified rev, or {@code null} before any commit was seen
 * @param data the MST root of that commit, or {@code null}
 * @param commit the CID of that commit, or {@code null}
 * @param signingKey the key commits were last verified with, or {@code null} before the first resolution
 */
public record AccountState(Did did, Host host, AccountStatus upstreamStatus, boolean takenDown, Tid rev, Cid data,
                           Cid commit, PublicKey signingKey, SyncState sync) {
    public AccountState {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(upstreamStatus, "upstreamStatus");
        Objects.requireNonNull(sync, "sync");
        if ((rev == null) != (data == null) || (rev == null) != (commit == null)) {
            throw new IllegalArgumentException("rev, data and commit are set together");
        }
    }

    /** An account first seen on {@code host}: active, no commit yet. */
    public static AccountState discovered(Did did, Host host) {
        return new AccountState(did, host, AccountStatus.ACTIVE, false, null, null, null, null, SyncState.SYNCHRONIZED);
    }

    /** The status the relay serves: its own takedown first, then the upstream one. */
    public AccountStatus status() {
        return takenDown ? AccountStatus.TAKENDOWN : upstreamStatus;
    }

    public boolean active() {
        return status().active();
    }

    public boolean hasCommit() {
        return rev != null;
    }

    public AccountState withHost(Host h) {
        return new AccountState(did, h, upstreamStatus, takenDown, rev, data, commit, signingKey, sync);
    }

    public AccountState withUpstreamStatus(AccountStatus s) {
        return new AccountState(did, host, s, takenDown, rev, data, commit, signingKey, sync);
    }

    public AccountState withTakenDown(boolean t) {
        return new AccountState(did, host, upstreamStatus, t, rev, data, commit, signingKey, sync);
    }

    public AccountState withCommit(Tid newRev, Cid newData, Cid newCommit) {
        return new AccountState(did, host, upstreamStatus, takenDown, newRev, newData, newCommit, signingKey, sync);
    }

    public AccountState withSigningKey(PublicKey key) {
        return new AccountState(did, host, upstreamStatus, takenDown, rev, data, commit, key, sync);
    }

    public AccountState withSync(SyncState s) {
        return new AccountState(did, host, upstreamStatus, takenDown, rev, data, commit, signingKey, s);
    }
}
