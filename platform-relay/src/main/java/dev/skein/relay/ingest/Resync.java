package dev.skein.relay.ingest;

import dev.skein.core.car.CarWriter;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.RepoExportVerifier;
import dev.skein.core.repo.RepoVerificationException;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.identity.IdentityResolutionException;
import dev.skein.relay.identity.ResolvedIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resynchronises a desynchronised account from its PDS: fetches the full repository ({@code getRepo}), verifies
 * it ({@link RepoExportVerifier}), takes its commit as the account's state, emits a {@code #sync} event that says
 * so, and then processes the events that waited meanwhile (those the export already covers are dropped as not
 * newer). While it runs, the account's {@code #commit} and {@code #sync} events wait in a bounded queue.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync#reliable-repository-synchronization">sync: reliable
 * repository synchronization</a>.
 */
final class Resync {
    private static final Logger LOG = LoggerFactory.getLogger(Resync.class);

    private final IngestProcessor p;
    private final RepoFetcher repos;
    private final Executor executor;

    Resync(IngestProcessor processor, RepoFetcher repos, Executor executor) {
        this.p = processor;
        this.repos = repos;
        this.executor = executor;
    }

    /** Marks that the slot's account should be resynchronised once the current result is emitted. */
    void want(AccountTable.Slot slot) {
        slot.resyncWanted = true;
    }

    /** Starts a wanted resync, unless one ran too recently. Caller holds the lock, after emitting. */
    void startIfWanted(AccountTable.Slot slot) {
        if (!slot.resyncWanted) {
            return;
        }
        slot.resyncWanted = false;
        AccountState s = slot.state;
        Instant now = p.clock.instant();
        if (s == null || s.sync() != SyncState.DESYNCHRONIZED || !s.active()) {
            return;
        }
        if (slot.lastResync != null && slot.lastResync.plus(p.settings.resyncRetryInterval()).isAfter(now)) {
            return;
        }
        start(slot);
    }

    /** Starts a resync now. Caller holds the lock. */
    void start(AccountTable.Slot slot) {
        slot.lastResync = p.clock.instant();
        p.accounts.set(slot, slot.state.withSync(SyncState.RESYNCING));
        Host host = slot.state.host();
        executor.execute(() -> run(slot, host));
    }

    /** Holds an event of an account that is (or must be) resynchronised. Caller holds the lock. */
    IngestResult hold(AccountTable.Slot slot, Host host, long seq, FirehoseEvent event, AccountState state) {
        AccountState changed = p.commitState(slot, state);
        if (slot.waiting.size() >= p.settings.maxWaitingPerAccount()) {
            want(slot);
            return new IngestResult.Dropped(host, seq, slot.did, DropReason.DESYNCHRONIZED,
                    "the account is being resynchronised and " + slot.waiting.size() + " events already wait", changed);
        }
        slot.waiting.add(new AccountTable.Waiting(host, event));
        want(slot);
        return new IngestResult.Deferred(host, seq, slot.did, changed);
    }

    private void run(AccountTable.Slot slot, Host host) {
        Did did = slot.did;
        RepoExportVerifier.VerifiedRepo repo = null;
        PublicKey key = null;
        String failure = null;
        try {
            ResolvedIdentity id = p.identities.refresh(did);
            key = id.signingKey();
            if (key == null) {
                failure = "the DID document has no usable #atproto key";
            } else if (!host.equals(id.pds())) {
                failure = "the DID document names " + id.pds() + ", not " + host;
            } else {
                repo = RepoExportVerifier.verify(repos.getRepo(host, did), did, key, p.settings.repoLimits());
                long maxMicros = p.clock.instant().plus(p.settings.futureRevTolerance()).toEpochMilli() * 1000;
                if (repo.commit().rev().micros() > maxMicros) {
                    failure = "the export's rev " + repo.commit().rev() + " is in the future";
                    repo = null;
                }
            }
        } catch (IdentityResolutionException | RepoFetchException | RepoVerificationException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("resync of {} from {} failed unexpectedly", did, host, e);
            failure = "unexpected error: " + e;
        }
        slot.lock.lock();
        try {
            finish(slot, host, repo, key, failure);
            startIfWanted(slot);
        } finally {
            slot.lock.unlock();
        }
    }

    private void finish(AccountTable.Slot slot, Host host, RepoExportVerifier.VerifiedRepo repo, PublicKey key, String failure) {
        AccountState state = slot.state;
        List<AccountTable.Waiting> waiting = new ArrayList<>(slot.waiting);
        slot.waiting.clear();
        if (state == null || state.sync() != SyncState.RESYNCING) {
            return;
        }
        if (failure == null && state.hasCommit() && repo.commit().rev().compareTo(state.rev()) < 0) {
            failure = "the export's rev " + repo.commit().rev() + " is before the last verified " + state.rev();
        }
        if (failure != null) {
            p.metrics.resync("failed");
            LOG.warn("resync of {} from {} failed: {}", slot.did, host, failure);
            AccountState changed = p.commitState(slot, state.withSync(SyncState.DESYNCHRONIZED));
            for (AccountTable.Waiting w : waiting) {
                p.emit(new IngestResult.Dropped(w.host(), 0, slot.did, DropReason.DESYNCHRONIZED, "resync failed: " + failure, changed));
                changed = null;
            }
            return;
        }
        p.metrics.resync("done");
        AccountState next = state.withSigningKey(key).withCommit(repo.commit().rev(), repo.commit().data(), repo.cid())
                .withSync(SyncState.SYNCHRONIZED);
        AccountState changed = p.commitState(slot, next);
        byte[] car = CarWriter.toBytes(List.of(repo.cid()), Map.of(repo.cid(), repo.commitBlock()));
        SyncEvent sync = new SyncEvent(1, slot.did, car, repo.commit().rev(), Datetime.now());
        p.emit(new IngestResult.Passed(host, 0, sync, changed));
        for (AccountTable.Waiting w : waiting) {
            if (slot.state.sync() != SyncState.SYNCHRONIZED) {
                // The chain broke again while catching up: the rest waits for the next resync.
                slot.waiting.add(w);
                continue;
            }
            p.emit(p.handle(slot, w.host(), 0, w.event(), true));
        }
    }
}
