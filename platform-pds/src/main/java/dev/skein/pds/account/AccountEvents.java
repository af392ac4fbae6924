package dev.skein.pds.account;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.sequencer.Sequencer;
import java.time.Clock;
import java.util.function.LongFunction;

/**
 * The events account changes emit, in the order the reference PDS emits them (sync spec, "What a PDS must
 * emit"). Call inside the change's write transaction.
 */
public final class AccountEvents {
    private final Sequencer sequencer;
    private final Clock clock;

    public AccountEvents(Sequencer sequencer, Clock clock) {
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /** A new account: {@code #identity}, {@code #account} (active), {@code #commit} of the empty repo, {@code #sync}. */
    public void created(Did did, Handle handle, RepoCommit firstCommit) {
        identity(did, handle);
        account(did, AccountStatus.ACTIVE);
        Datetime time = now();
        sequencer.append(did, seq -> firstCommit.toEvent(seq, time));
        sequencer.append(did, seq -> firstCommit.toSyncEvent(seq, time));
    }

    /** A handle or DID document change. */
    public void identity(Did did, Handle handle) {
        Datetime time = now();
        sequencer.append(did, seq -> new IdentityEvent(seq, did, time, handle));
    }

    /** A status change: {@code {active: true}}, or {@code {active: false, status}}. */
    public long account(Did did, AccountStatus status) {
        Datetime time = now();
        return sequencer.append(did, seq -> new AccountEvent(seq, did, time, status.active(), status.eventStatus().orElse(null)));
    }

    /** Reactivation: {@code #account}, {@code #identity}, then {@code #sync} of the current commit. */
    public void activated(Did did, Handle handle, LongFunction<SyncEvent> sync) {
        account(did, AccountStatus.ACTIVE);
        identity(did, handle);
        sequencer.append(did, sync);
    }

    /** Deletion: {@code #account} with status {@code deleted}, then the account's earlier events are purged. */
    public void deleted(Did did) {
        long seq = account(did, AccountStatus.DELETED);
        sequencer.purgeBefore(did, seq);
    }

    public Datetime now() {
        return Datetime.of(clock.instant());
    }
}
