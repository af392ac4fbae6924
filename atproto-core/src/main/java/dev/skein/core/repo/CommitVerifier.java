package dev.skein.core.repo;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.blocks.MissingBlockException;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarException;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.mst.InvalidMstKeyException;
import dev.skein.core.mst.MalformedMstException;
import dev.skein.core.mst.Mst;
import dev.skein.core.mst.MstInversion;
import dev.skein.core.mst.MstInversionException;
import dev.skein.core.mst.MstLimitException;
import dev.skein.core.mst.MstOp;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies firehose events against the signed data they carry, as the sync spec's validation checklist
 * asks: the CAR and its first root, the commit's structure, that the event's account and rev are the
 * commit's, the signature, and for {@code #commit} (Sync 1.1) that every created or updated record is in
 * the CAR and that undoing the operations on the partial tree gives back {@code prevData}.
 *
 * <p>What needs state (rev ordering, {@code since}/{@code prevData} against the last commit seen, the
 * future-rev window, account status) is the consumer's.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync#message-validation-checklist">sync: message
 * validation</a>, <a href="https://atproto.com/specs/repository#repository-diffs">repository diffs</a>.
 */
public final class CommitVerifier {
    private CommitVerifier() {}

    /** Verifies a {@code #commit}, inversion included, with the account's public key. */
    public static VerifiedCommit verify(CommitEvent event, PublicKey key) {
        return verify(event, (SignatureVerifier) key::verify);
    }

    /** Verifies a {@code #sync} with the account's public key. */
    public static VerifiedCommit verify(SyncEvent event, PublicKey key) {
        return verify(event, (SignatureVerifier) key::verify);
    }

    /** Verifies a {@code #commit}, inversion included, with the account's signing key. */
    public static VerifiedCommit verify(CommitEvent event, SignatureVerifier key) {
        if (event.rebase() || event.tooBig()) {
            throw fail(CommitVerificationException.Reason.DEPRECATED_FLAG, "rebase or tooBig is set");
        }
        CarContents car = readCar(event.blocks());
        Commit commit = signedCommit(car, event.commit(), event.repo(), event.rev(), key);

        List<MstOp> ops = new ArrayList<>(event.ops().size());
        for (RepoOp op : event.ops()) {
            if (op.cid() != null && !car.blocks().containsKey(op.cid())) {
                throw fail(CommitVerificationException.Reason.MISSING_RECORD_BLOCK, "no block for " + op.path() + " (" + op.cid() + ")");
            }
            ops.add(toMstOp(op));
        }

        Cid expected = event.prevData();
        if (expected == null) {
            if (event.since() != null) {
                throw fail(CommitVerificationException.Reason.MISSING_PREV, "prevData is absent after the first commit");
            }
            // A repository's first commit: undoing it must leave the empty tree.
            expected = Mst.empty(new MemoryBlockStore()).root();
        }
        Cid inverted = invert(car, commit.data(), ops);
        if (!inverted.equals(expected)) {
            throw fail(CommitVerificationException.Reason.PREV_DATA_MISMATCH,
                    "operations invert to " + inverted + ", but prevData is " + expected);
        }
        return new VerifiedCommit(commit, event.commit(), event.ops(), car.blocks());
    }

    /** Verifies a {@code #sync}: its CAR, commit, account, rev and signature. */
    public static VerifiedCommit verify(SyncEvent event, SignatureVerifier key) {
        CarContents car = readCar(event.blocks());
        Cid root = root(car);
        Commit commit = signedCommit(car, root, event.did(), event.rev(), key);
        return new VerifiedCommit(commit, root, List.of(), car.blocks());
    }

    private static Cid invert(CarContents car, Cid data, List<MstOp> ops) {
        if (ops.isEmpty()) {
            return data;
        }
        try {
            return MstInversion.invert(new MemoryBlockStore(car.blocks()), data, ops);
        } catch (MissingBlockException e) {
            throw fail(CommitVerificationException.Reason.MISSING_PROOF_BLOCK, "inversion needs " + e.cid() + ", which the CAR lacks", e);
        } catch (MstInversionException e) {
            throw fail(CommitVerificationException.Reason.OP_MISMATCH, e.getMessage(), e);
        } catch (MalformedMstException | MstLimitException e) {
            throw fail(CommitVerificationException.Reason.INVALID_MST, e.getMessage(), e);
        }
    }

    private static MstOp toMstOp(RepoOp op) {
        try {
            return switch (op.action()) {
                case CREATE -> new MstOp.Create(op.path(), op.cid());
                case UPDATE -> new MstOp.Update(op.path(), requirePrev(op), op.cid());
                case DELETE -> new MstOp.Delete(op.path(), requirePrev(op));
            };
        } catch (InvalidMstKeyException e) {
            throw fail(CommitVerificationException.Reason.OP_MISMATCH, op.path() + " is not an MST key: " + e.getMessage(), e);
        }
    }

    private static Cid requirePrev(RepoOp op) {
        if (op.prev() == null) {
            throw fail(CommitVerificationException.Reason.MISSING_PREV, op.action().wire() + " of " + op.path() + " has no prev");
        }
        return op.prev();
    }

    private static CarContents readCar(byte[] blocks) {
        try {
            return CarReader.readAll(blocks, CarLimits.COMMIT_SLICE, CidVerification.VERIFY);
        } catch (CarException e) {
            throw fail(CommitVerificationException.Reason.INVALID_CAR, "blocks: " + e.getMessage(), e);
        }
    }

    private static Cid root(CarContents car) {
        if (car.roots().isEmpty()) {
            throw fail(CommitVerificationException.Reason.COMMIT_NOT_ROOT, "the CAR has no root");
        }
        return car.roots().getFirst();
    }

    private static Commit signedCommit(CarContents car, Cid commitCid, Did did, Tid rev, SignatureVerifier key) {
        if (!root(car).equals(commitCid)) {
            throw fail(CommitVerificationException.Reason.COMMIT_NOT_ROOT, "the CAR's first root is not commit " + commitCid);
        }
        byte[] block = car.get(commitCid);
        if (block == null) {
            throw fail(CommitVerificationException.Reason.MISSING_COMMIT_BLOCK, "the CAR lacks commit " + commitCid);
        }
        Commit commit;
        try {
            commit = Commit.fromBytes(block);
        } catch (InvalidCommitException e) {
            throw fail(CommitVerificationException.Reason.INVALID_COMMIT, e.getMessage(), e);
        }
        if (!commit.did().equals(did)) {
            throw fail(CommitVerificationException.Reason.FIELD_MISMATCH, "event names " + did + ", the commit " + commit.did());
        }
        if (!commit.rev().equals(rev)) {
            throw fail(CommitVerificationException.Reason.FIELD_MISMATCH, "event rev " + rev + ", the commit's " + commit.rev());
        }
        if (!commit.verify(key)) {
            throw fail(CommitVerificationException.Reason.BAD_SIGNATURE, "commit " + commitCid + " is not signed by the account's key");
        }
        return commit;
    }

    private static CommitVerificationException fail(CommitVerificationException.Reason reason, String message) {
        return new CommitVerificationException(reason, message);
    }

    private static CommitVerificationException fail(CommitVerificationException.Reason reason, String message, Throwable cause) {
        return new CommitVerificationException(reason, message, cause);
    }
}
