package dev.skein.core.mst;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Operation inversion, the Sync 1.1 check of a {@code #commit}: on the partial tree the commit's blocks
 * form, check each operation against the tree, undo them all, and return the resulting root, which must
 * equal the commit's {@code prevData}.
 *
 * <p>Undoing a create deletes the key, undoing an update or a delete puts the previous value back. The
 * result does not depend on the order; deletes go first, then by key (as indigo does). A block the
 * inversion needs but the slice lacks is a {@link dev.skein.core.blocks.MissingBlockException}: the
 * commit did not carry enough proof.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#repository-diffs">repository diffs</a>,
 * <a href="https://atproto.com/specs/sync">sync</a>.
 */
public final class MstInversion {
    private MstInversion() {}

    /** The root before {@code ops}, given the tree after them. */
    public static Cid invert(BlockStore blocks, Cid root, List<MstOp> ops) {
        return invert(Mst.load(blocks, root), ops).root();
    }

    /** {@code after} with {@code ops} undone. */
    public static Mst invert(Mst after, List<MstOp> ops) {
        Set<String> keys = new HashSet<>();
        for (MstOp op : ops) {
            if (!keys.add(op.key())) {
                throw new MstInversionException(MstInversionException.Reason.DUPLICATE_KEY, op);
            }
        }
        List<MstOp> ordered = new ArrayList<>(ops);
        ordered.sort(Comparator.comparing((MstOp op) -> !(op instanceof MstOp.Delete)).thenComparing(MstOp::key));

        for (MstOp op : ordered) {
            Optional<Cid> current = after.get(op.key());
            switch (op) {
                case MstOp.Create c -> requireValue(current, c.cid(), op);
                case MstOp.Update u -> requireValue(current, u.cid(), op);
                case MstOp.Delete d -> {
                    if (current.isPresent()) {
                        throw new MstInversionException(MstInversionException.Reason.KEY_PRESENT, op);
                    }
                }
            }
        }
        Mst tree = after;
        for (MstOp op : ordered) {
            tree = switch (op) {
                case MstOp.Create c -> tree.delete(c.key());
                case MstOp.Update u -> tree.put(u.key(), u.prev());
                case MstOp.Delete d -> tree.put(d.key(), d.prev());
            };
        }
        return tree;
    }

    private static void requireValue(Optional<Cid> current, Cid expected, MstOp op) {
        if (current.isEmpty() || !current.get().equals(expected)) {
            throw new MstInversionException(MstInversionException.Reason.VALUE_MISMATCH, op);
        }
    }
}
