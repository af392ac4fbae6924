package dev.skein.cli.client;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.blocks.MissingBlockException;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarException;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.mst.MalformedMstException;
import dev.skein.core.mst.Mst;
import dev.skein.core.mst.MstLimitException;
import dev.skein.core.repo.Commit;
import dev.skein.core.repo.InvalidCommitException;
import dev.skein.core.syntax.Did;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a full repository export ({@code com.atproto.sync.getRepo}) before anyone relies on it: every block
 * hashes to its CID, the first root is a commit of the expected account signed with its current key, and the
 * MST under it is well-formed and complete, with every record's block present.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
public final class RepoExport {
    private RepoExport() {}

    /** What a verified export holds. */
    public record Verified(Commit commit, Cid root, long records, int blocks) {}

    /** @throws InvalidExportException when the CAR is not a valid, complete repository of {@code did} signed by {@code key} */
    public static Verified verify(byte[] car, Did did, PublicKey key) {
        CarContents contents;
        try {
            contents = CarReader.readAll(car, CarLimits.DEFAULT, CidVerification.VERIFY);
        } catch (CarException e) {
            throw new InvalidExportException("not a valid CAR: " + e.getMessage());
        }
        if (contents.roots().isEmpty()) {
            throw new InvalidExportException("the CAR has no root");
        }
        Cid root = contents.roots().getFirst();
        byte[] block = contents.blocks().get(root);
        if (block == null) {
            throw new InvalidExportException("the CAR lacks its root commit " + root);
        }
        Commit commit;
        try {
            commit = Commit.fromBytes(block);
        } catch (InvalidCommitException e) {
            throw new InvalidExportException("the root is not a valid commit: " + e.getMessage());
        }
        if (!commit.did().equals(did)) {
            throw new InvalidExportException("the commit is for " + commit.did() + ", not " + did);
        }
        if (!commit.verify(key)) {
            throw new InvalidExportException("the commit is not signed by the account's current key");
        }
        MemoryBlockStore store = new MemoryBlockStore(contents.blocks());
        AtomicLong records = new AtomicLong();
        try {
            Mst tree = Mst.load(store, commit.data());
            tree.verify();
            tree.forEach((path, value) -> {
                if (!store.has(value)) {
                    throw new MissingBlockException(value);
                }
                records.incrementAndGet();
            });
        } catch (MissingBlockException e) {
            throw new InvalidExportException("the export lacks block " + e.cid());
        } catch (MalformedMstException | MstLimitException e) {
            throw new InvalidExportException("the MST is malformed: " + e.getMessage());
        }
        return new Verified(commit, root, records.get(), contents.blocks().size());
    }

    /** An export that does not verify. */
    public static final class InvalidExportException extends RuntimeException {
        public InvalidExportException(String message) {
            super(message);
        }
    }
}
