package dev.skein.relay.ingest;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.CommitVerificationException;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.repo.VerifiedCommit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.host.Host;
import dev.skein.relay.identity.IdentityResolutionException;
import dev.skein.relay.identity.ResolvedIdentity;
import java.util.Objects;
import java.util.function.Function;

/**
 * The checks of {@code #commit} and {@code #sync} events: binding and status, the rev window, the commit itself
 * ({@link CommitVerifier}: CAR, signature, inversion) and, for commits, the chain against the last verified one.
 */
final class RepoEventCheck {
    private final IngestProcessor p;

    RepoEventCheck(IngestProcessor processor) {
        this.p = processor;
    }

    IngestResult commit(AccountTable.Slot slot, Host host, long seq, CommitEvent event, boolean queued, byte[] frame) {
        Did did = slot.did;
        Pre pre = precheck(slot, host, seq, event, event.rev(), queued);
        if (pre.result() != null) {
            return pre.result();
        }
        AccountState state = pre.state();
        Verified v = verify(did, state.signingKey(), key -> CommitVerifier.verify(event, key));
        if (v.error() != null) {
            return drop(host, seq, did, reason(v.error()), v.error().getMessage(), p.commitState(slot, state));
        }
        state = state.withSigningKey(v.key());
        if (state.hasCommit() && (!Objects.equals(event.since(), state.rev()) || !Objects.equals(event.prevData(), state.data()))) {
            String detail = "since " + event.since() + " and prevData " + event.prevData() + " do not continue rev "
                    + state.rev() + " (data " + state.data() + ")";
            AccountState desync = p.commitState(slot, state.withSync(SyncState.DESYNCHRONIZED));
            p.resync.want(slot);
            return drop(host, seq, did, DropReason.CHAIN_BROKEN, detail, desync);
        }
        AccountState next = state.withCommit(event.rev(), v.commit().commit().data(), event.commit());
        return passed(slot, host, seq, event, next, frame);
    }

    IngestResult sync(AccountTable.Slot slot, Host host, long seq, SyncEvent event, boolean queued, byte[] frame) {
        Did did = slot.did;
        Pre pre = precheck(slot, host, seq, event, event.rev(), queued);
        if (pre.result() != null) {
            return pre.result();
        }
        AccountState state = pre.state();
        Verified v = verify(did, state.signingKey(), key -> CommitVerifier.verify(event, key));
        if (v.error() != null) {
            return drop(host, seq, did, reason(v.error()), v.error().getMessage(), p.commitState(slot, state));
        }
        if (state.hasCommit() && event.rev().equals(state.rev()) && !v.commit().cid().equals(state.commit())) {
            return drop(host, seq, did, DropReason.REV_NOT_NEWER, "rev " + event.rev() + " is the last rev, but of another commit",
                    p.commitState(slot, state));
        }
        // A #sync states the repository's current commit: the relay's chain starts again from it.
        AccountState next = state.withSigningKey(v.key())
                .withCommit(event.rev(), v.commit().commit().data(), v.commit().cid())
                .withSync(SyncState.SYNCHRONIZED);
        return passed(slot, host, seq, event, next, frame);
    }

    /**
     * The passed result of a verified {@code #commit} or {@code #sync} that makes {@code next} the account's state:
     * marked head-only when only the last commit changed, and carrying its upstream frame when it has one.
     */
    private IngestResult.Passed passed(AccountTable.Slot slot, Host host, long seq, FirehoseEvent event, AccountState next,
                                       byte[] frame) {
        AccountState before = slot.state;
        AccountState changed = p.commitState(slot, next);
        boolean headOnly = changed != null && before != null
                && changed.equals(before.withCommit(changed.rev(), changed.data(), changed.commit()));
        return new IngestResult.Passed(host, seq, event, changed, headOnly, frame == null ? null : UpstreamFrame.locate(frame, event));
    }

    /** What commits and syncs share: binding, status, waiting for a resync, the rev window. */
    private Pre precheck(AccountTable.Slot slot, Host host, long seq, FirehoseEvent event, Tid rev, boolean queued) {
        Did did = slot.did;
        IngestProcessor.Binding b = p.bind(slot, host, seq, true);
        if (b.dropped() != null) {
            return new Pre(null, b.dropped());
        }
        AccountState state = b.state();
        if (!state.active()) {
            return new Pre(null, drop(host, seq, did, DropReason.ACCOUNT_INACTIVE, "the account is " + state.status().wire(),
                    p.commitState(slot, state)));
        }
        if (!queued && state.sync() != SyncState.SYNCHRONIZED && !(event instanceof SyncEvent && state.sync() == SyncState.DESYNCHRONIZED)) {
            return new Pre(null, p.resync.hold(slot, host, seq, event, state));
        }
        long maxMicros = p.clock.instant().plus(p.settings.futureRevTolerance()).toEpochMilli() * 1000;
        if (rev.micros() > maxMicros) {
            return new Pre(null, drop(host, seq, did, DropReason.REV_IN_FUTURE, "rev " + rev + " is in the future",
                    p.commitState(slot, state)));
        }
        // A #sync may repeat the last rev to confirm the state (a PDS sends one right after an account's first
        // commit); whether it names the same commit is checked once its CAR is read.
        int order = state.hasCommit() ? rev.compareTo(state.rev()) : 1;
        if (order < 0 || (order == 0 && !(event instanceof SyncEvent))) {
            return new Pre(null, drop(host, seq, did, DropReason.REV_NOT_NEWER, "rev " + rev + " is not after " + state.rev(),
                    p.commitState(slot, state)));
        }
        return new Pre(state, null);
    }

    private record Pre(AccountState state, IngestResult result) {}

    private record Verified(VerifiedCommit commit, PublicKey key, CommitVerificationException error) {}

    /**
     * Verifies with the cached key; when the signature fails, refreshes the identity once (the key may have been
     * rotated without an {@code #identity} event having arrived yet) and tries the new key.
     */
    private Verified verify(Did did, PublicKey key, Function<PublicKey, VerifiedCommit> check) {
        try {
            return new Verified(check.apply(key), key, null);
        } catch (CommitVerificationException e) {
            if (e.reason() != CommitVerificationException.Reason.BAD_SIGNATURE) {
                return new Verified(null, key, e);
            }
            ResolvedIdentity cached = p.identities.peek(did);
            if (cached != null && !p.mayRefresh(cached)) {
                return new Verified(null, key, e);
            }
            PublicKey fresh;
            try {
                fresh = p.identities.refresh(did).signingKey();
            } catch (IdentityResolutionException ie) {
                return new Verified(null, key, e);
            }
            if (fresh == null || fresh.equals(key)) {
                return new Verified(null, key, e);
            }
            try {
                return new Verified(check.apply(fresh), fresh, null);
            } catch (CommitVerificationException again) {
                return new Verified(null, fresh, again);
            }
        }
    }

    private static DropReason reason(CommitVerificationException e) {
        return switch (e.reason()) {
            case INVALID_CAR -> DropReason.INVALID_CAR;
            case COMMIT_NOT_ROOT, MISSING_COMMIT_BLOCK, INVALID_COMMIT -> DropReason.INVALID_COMMIT;
            case FIELD_MISMATCH -> DropReason.FIELD_MISMATCH;
            case BAD_SIGNATURE -> DropReason.BAD_SIGNATURE;
            case DEPRECATED_FLAG -> DropReason.DEPRECATED_FLAG;
            case MISSING_PREV -> DropReason.MISSING_PREV;
            case MISSING_RECORD_BLOCK -> DropReason.MISSING_RECORD_BLOCK;
            case OP_MISMATCH -> DropReason.OP_MISMATCH;
            case MISSING_PROOF_BLOCK -> DropReason.MISSING_PROOF_BLOCK;
            case INVALID_MST -> DropReason.INVALID_MST;
            case PREV_DATA_MISMATCH -> DropReason.INVERSION_MISMATCH;
        };
    }

    private static IngestResult.Dropped drop(Host host, long seq, Did did, DropReason reason, String detail, AccountState changed) {
        return new IngestResult.Dropped(host, seq, did, reason, detail, changed);
    }
}
