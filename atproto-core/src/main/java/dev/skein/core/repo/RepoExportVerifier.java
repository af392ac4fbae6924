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
import dev.skein.core.mst.MalformedMstException;
import dev.skein.core.mst.Mst;
import dev.skein.core.mst.MstLimitException;
import dev.skein.core.syntax.Did;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies a full repository export ({@code com.atproto.sync.getRepo}) before anyone relies on it (the relay's
 * resync, the command line's {@code repo export}): every block hashes to its CID, the first root is a well-formed
 * commit of the account signed with its current key, and the MST under it is complete and well-formed, every
 * record block included.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
public final class RepoExportVerifier {
    private RepoExportVerifier() {}

    /** A verified export: its signed commit, the commit's CID and block, how many records and blocks it holds. */
    public record VerifiedRepo(Commit commit, Cid cid, byte[] commitBlock, long records, int blocks) {}

    /** @throws RepoVerificationException when the export is not a valid, complete, signed repository of {@code did} */
    public static VerifiedRepo verify(byte[] car, Did did, PublicKey key, CarLimits limits) {
        CarContents contents;
        try {
            contents = CarReader.readAll(car, limits, CidVerification.VERIFY);
        } catch (CarException e) {
            throw new RepoVerificationException("not a valid CAR: " + e.getMessage(), e);
        }
        if (contents.roots().isEmpty()) {
            throw new RepoVerificationException("the CAR has no root");
        }
        Cid root = contents.roots().getFirst();
        byte[] block = contents.get(root);
        if (block == null) {
            throw new RepoVerificationException("the CAR lacks its root commit " + root);
        }
        Commit commit;
        try {
            commit = Commit.fromBytes(block);
        } catch (InvalidCommitException e) {
            throw new RepoVerificationException("the root is not a valid commit: " + e.getMessage(), e);
        }
        if (!commit.did().equals(did)) {
            throw new RepoVerificationException("the commit is for " + commit.did() + ", not " + did);
        }
        if (!commit.verify(key)) {
            throw new RepoVerificationException("the commit is not signed by the account's key");
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
            throw new RepoVerificationException("the export lacks block " + e.cid(), e);
        } catch (MalformedMstException | MstLimitException e) {
            throw new RepoVerificationException("the MST is malformed: " + e.getMessage(), e);
        }
        return new VerifiedRepo(commit, root, block, records.get(), contents.blocks().size());
    }
}
