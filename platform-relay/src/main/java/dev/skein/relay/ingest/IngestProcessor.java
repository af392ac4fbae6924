package dev.skein.relay.ingest;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.core.firehose.InvalidFrameException;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.firehose.UnknownFrame;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.relay.host.Host;
import dev.skein.relay.identity.IdentityCache;
import dev.skein.relay.identity.IdentityResolutionException;
import dev.skein.relay.identity.ResolvedIdentity;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, frame by frame, what the relay passes on. Every result, one per frame plus those of resyncs, goes to
 * the {@link IngestSink} while the account's lock is held; {@link #process} also returns the frame's own result.
 *
 * <p>A frame goes through two steps. {@link #admit} decodes it and checks its upstream sequence; it runs on the
 * host's own thread, one frame at a time, in upstream order. {@link #handle(Admitted)} does everything else
 * under the account's lock; frames of different accounts may be handled concurrently ({@link IngestWorkers}), those
 * of one account must be handled in the order they were admitted. {@link #process} does both at once.
 */
public final class IngestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(IngestProcessor.class);

    final AccountTable accounts;
    final IdentityCache identities;
    final IngestSink sink;
    final IngestSettings settings;
    final Clock clock;
    final IngestMetrics metrics;
    private final HostLimits limits;
    private final RepoEventCheck repoEvents;
    final Resync resync;
    private final UpstreamProgress progress;

    public IngestProcessor(AccountTable accounts, IdentityCache identities, RepoFetcher repos, Executor resyncExecutor,
                           HostLimits limits, IngestSink sink, IngestSettings settings, Clock clock, IngestMetrics metrics) {
        this(accounts, identities, repos, resyncExecutor, limits, sink, settings, clock, metrics, new UpstreamProgress());
    }

    /** @param progress the hosts' sequences and cursors, shared with the sequencer that completes them */
    public IngestProcessor(AccountTable accounts, IdentityCache identities, RepoFetcher repos, Executor resyncExecutor,
                           HostLimits limits, IngestSink sink, IngestSettings settings, Clock clock, IngestMetrics metrics,
                           UpstreamProgress progress) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.repoEvents = new RepoEventCheck(this);
        this.resync = new Resync(this, repos, resyncExecutor);
    }

    /** An account event of a host, admitted in the host's order, to be {@linkplain #handle(Admitted) handled}. */
    record Admitted(Host host, long seq, Did did, FirehoseEvent event, byte[] frame) {}

    /** Processes one binary frame from {@code host}, both steps at once. */
    public IngestResult process(Host host, byte[] frame) {
        IngestResult[] handled = {null};
        IngestResult dropped = admit(host, frame, false, a -> handled[0] = handle(a));
        return dropped != null ? dropped : handled[0];
    }

    /** Processes one decoded frame from {@code host}, both steps at once. */
    public IngestResult process(Host host, FirehoseFrame frame) {
        IngestResult[] handled = {null};
        IngestResult dropped = admit(host, frame, null, false, a -> handled[0] = handle(a));
        return dropped != null ? dropped : handled[0];
    }

    /**
     * The first step: decodes a frame of {@code host} and checks that its seq increases. Frames that are not
     * account events, or are out of sequence, are dropped here: the drop is emitted and returned. Otherwise the
     * event goes to {@code next}, and {@code null} is returned.
     *
     * @param track whether the frame's result reaches the sink later and maybe out of upstream order, so that its
     *     host's cursor must wait for it (see {@link UpstreamProgress})
     */
    IngestResult admit(Host host, byte[] frame, boolean track, Consumer<Admitted> next) {
        FirehoseFrame decoded;
        try {
            decoded = FirehoseFrame.decode(frame);
        } catch (InvalidFrameException e) {
            return emit(new IngestResult.Dropped(host, 0, null, DropReason.INVALID_FRAME, e.getMessage(), null));
        }
        return admit(host, decoded, frame, track, next);
    }

    private IngestResult admit(Host host, FirehoseFrame frame, byte[] bytes, boolean track, Consumer<Admitted> next) {
        return switch (frame) {
            case ErrorFrame e -> emit(new IngestResult.Dropped(host, 0, null, DropReason.UPSTREAM_ERROR,
                    e.error() + (e.message() == null ? "" : ": " + e.message()), null));
            case UnknownFrame u -> emit(new IngestResult.Dropped(host, 0, null, DropReason.UNKNOWN_MESSAGE,
                    "op " + u.op() + ", t " + u.type(), null));
            case InfoEvent i -> emit(new IngestResult.Dropped(host, 0, null, DropReason.UPSTREAM_INFO,
                    i.name() + (i.message() == null ? "" : ": " + i.message()), null));
            case CommitEvent c -> sequenced(host, c.seq(), c.repo(), c, bytes, track, next);
            case SyncEvent s -> sequenced(host, s.seq(), s.did(), s, bytes, track, next);
            case IdentityEvent i -> sequenced(host, i.seq(), i.did(), i, bytes, track, next);
            case AccountEvent a -> sequenced(host, a.seq(), a.did(), a, bytes, track, next);
        };
    }

    private IngestResult sequenced(Host host, long seq, Did did, FirehoseEvent event, byte[] bytes, boolean track,
                                   Consumer<Admitted> next) {
        long last = progress.admit(host, seq, track);
        if (last >= 0) {
            return emit(new IngestResult.Dropped(host, 0, did, DropReason.SEQ_NOT_INCREASING, "seq " + seq + " after " + last, null));
        }
        next.accept(new Admitted(host, seq, did, event, bytes));
        return null;
    }

    /** The second step: handles an admitted event under its account's lock, and emits the result. */
    IngestResult handle(Admitted a) {
        AccountTable.Slot slot = accounts.slot(a.did());
        slot.lock.lock();
        try {
            IngestResult result = handle(slot, a.host(), a.seq(), a.event(), false, a.frame());
            emit(result);
            resync.startIfWanted(slot);
            return result;
        } finally {
            slot.lock.unlock();
        }
    }

    /**
     * Sets where {@code host}'s sequence resumes: frames at or below {@code cursor} are then dropped as
     * {@link DropReason#SEQ_NOT_INCREASING}. Called when (re)connecting from a stored cursor.
     */
    public void resumeHost(Host host, long cursor) {
        progress.resume(host, cursor);
    }

    /** The last upstream seq admitted from {@code host} in this run (0 if none). */
    public long lastSeq(Host host) {
        return progress.last(host);
    }

    /** The hosts' sequences and cursors. */
    public UpstreamProgress progress() {
        return progress;
    }

    /**
     * Takes an account down at this relay, or lifts that takedown, and emits the {@code #account} event that says
     * its new status here (with the placeholder seq 1, which the sequencer replaces). Empty when the relay does not
     * know the account.
     */
    public Optional<AccountState> setTakedown(Did did, boolean takenDown) {
        AccountTable.Slot slot = accounts.slot(did);
        slot.lock.lock();
        try {
            if (slot.state == null) {
                return Optional.empty();
            }
            AccountState next = slot.state.withTakenDown(takenDown);
            accounts.set(slot, next);
            emit(new IngestResult.Passed(next.host(), 0, accountEvent(1, did, Datetime.now(), next), next));
            return Optional.of(next);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Starts the resync of accounts that were left desynchronised by the last run. */
    public int resumeResyncs(int limit) {
        int n = 0;
        for (AccountState a : accounts.store().desynchronized(limit)) {
            AccountTable.Slot slot = accounts.slot(a.did());
            slot.lock.lock();
            try {
                if (slot.state != null && slot.state.sync() == SyncState.DESYNCHRONIZED && slot.state.active()) {
                    resync.start(slot);
                    n++;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return n;
    }

    public AccountTable accounts() {
        return accounts;
    }

    /** Handles one event of the slot's account; the caller holds the lock and emits the result. */
    IngestResult handle(AccountTable.Slot slot, Host host, long seq, FirehoseEvent event, boolean queued) {
        return handle(slot, host, seq, event, queued, null);
    }

    /**
     * Handles one event of the slot's account; the caller holds the lock and emits the result.
     *
     * @param frame the upstream frame the event was decoded from, or {@code null}
     */
    IngestResult handle(AccountTable.Slot slot, Host host, long seq, FirehoseEvent event, boolean queued, byte[] frame) {
        return switch (event) {
            case CommitEvent c -> repoEvents.commit(slot, host, seq, c, queued, frame);
            case SyncEvent s -> repoEvents.sync(slot, host, seq, s, queued, frame);
            case IdentityEvent i -> identity(slot, host, seq, i);
            case AccountEvent a -> account(slot, host, seq, a);
            case InfoEvent i -> throw new IllegalArgumentException("#info is not an account event");
        };
    }

    IngestResult emit(IngestResult result) {
        metrics.record(result);
        sink.accept(result);
        return result;
    }

    /**
     * The account as bound to {@code host}: resolves its identity, checks that its DID document names this host
     * as its PDS (refreshing a stale document once), and binds a new account (or one that moved here) to the host
     * if the host's account limit allows. Returns a {@link Binding} with either the new state or a drop.
     */
    Binding bind(AccountTable.Slot slot, Host host, long seq, boolean needKey) {
        Did did = slot.did;
        ResolvedIdentity id;
        try {
            id = identities.get(did);
            if (!host.equals(id.pds()) && mayRefresh(id)) {
                id = identities.refresh(did);
            }
        } catch (IdentityResolutionException e) {
            return Binding.drop(new IngestResult.Dropped(host, seq, did, DropReason.IDENTITY_UNRESOLVED, e.getMessage(), null));
        }
        if (!host.equals(id.pds())) {
            return Binding.drop(new IngestResult.Dropped(host, seq, did, DropReason.WRONG_HOST,
                    "the DID document names " + (id.pds() == null ? "no PDS" : id.pds()), null));
        }
        if (needKey && id.signingKey() == null) {
            return Binding.drop(new IngestResult.Dropped(host, seq, did, DropReason.NO_SIGNING_KEY,
                    "the DID document has no usable #atproto key", null));
        }
        AccountState state = slot.state;
        if (state == null || !state.host().equals(host)) {
            long limit = limits.accountLimit(host);
            if (accounts.countOnHost(host) >= limit) {
                return Binding.drop(new IngestResult.Dropped(host, seq, did, DropReason.HOST_ACCOUNT_LIMIT,
                        host + " has reached its limit of " + limit + " accounts", null));
            }
            state = state == null ? AccountState.discovered(did, host) : state.withHost(host);
        }
        if (id.signingKey() != null) {
            state = state.withSigningKey(id.signingKey());
        }
        return new Binding(state, id, null);
    }

    boolean mayRefresh(ResolvedIdentity id) {
        return !id.resolvedAt().plus(settings.identityRefreshInterval()).isAfter(clock.instant());
    }

    /** The result of {@link #bind}: the account's state and identity, or why the event is dropped. */
    record Binding(AccountState state, ResolvedIdentity identity, IngestResult.Dropped dropped) {
        static Binding drop(IngestResult.Dropped d) {
            return new Binding(null, null, d);
        }
    }

    /** Stores {@code next} as the slot's state and says whether it differs from the state before. */
    AccountState commitState(AccountTable.Slot slot, AccountState next) {
        if (next.equals(slot.state)) {
            return null;
        }
        accounts.set(slot, next);
        return next;
    }

    private IngestResult identity(AccountTable.Slot slot, Host host, long seq, IdentityEvent event) {
        Did did = slot.did;
        ResolvedIdentity id = null;
        try {
            id = identities.refresh(did);
        } catch (IdentityResolutionException e) {
            LOG.debug("#identity for {} from {}: {}", did, host, e.getMessage());
        }
        // The handle is passed on only when the DID document claims it too; the relay does not resolve handles.
        Handle handle = event.handle() != null && id != null && event.handle().equals(id.handle()) ? event.handle() : null;
        AccountState changed = null;
        if (slot.state != null && id != null && id.signingKey() != null) {
            changed = commitState(slot, slot.state.withSigningKey(id.signingKey()));
        }
        return new IngestResult.Passed(host, seq, new IdentityEvent(event.seq(), did, event.time(), handle), changed);
    }

    private IngestResult account(AccountTable.Slot slot, Host host, long seq, AccountEvent event) {
        Binding b = bind(slot, host, seq, false);
        AccountState state;
        if (b.dropped() == null) {
            state = b.state();
        } else if (b.dropped().reason() == DropReason.IDENTITY_UNRESOLVED && slot.state != null
                && slot.state.host().equals(host)) {
            // A deleted account's DID may no longer resolve; its own host may still say so.
            state = slot.state;
        } else {
            return b.dropped();
        }
        if (!event.active() && event.status() == null) {
            LOG.debug("#account for {} from {} is inactive without a status", slot.did, host);
        }
        state = state.withUpstreamStatus(AccountStatus.fromEvent(event.active(), event.status()));
        AccountState changed = commitState(slot, state);
        return new IngestResult.Passed(host, seq, accountEvent(event.seq(), slot.did, event.time(), state), changed);
    }

    /** The {@code #account} event that says the account's status at this relay (its own takedown included). */
    static AccountEvent accountEvent(long seq, Did did, Datetime time, AccountState state) {
        return new AccountEvent(seq, did, time, state.active(), state.active() ? null : state.status().wire());
    }
}
