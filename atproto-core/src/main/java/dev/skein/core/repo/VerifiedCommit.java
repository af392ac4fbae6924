package dev.skein.core.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.RepoOp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code #commit} or {@code #sync} event whose commit verified: the signed commit, its CID, the record
 * operations and the CAR's blocks (every one checked against its CID).
 */
public record VerifiedCommit(Commit commit, Cid cid, List<RepoOp> ops, Map<Cid, byte[]> blocks) {
    public VerifiedCommit {
        ops = List.copyOf(ops);
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** The bytes of the record an operation created or updated; empty for a delete. */
    public Optional<byte[]> record(RepoOp op) {
        return op.cid() == null ? Optional.empty() : Optional.ofNullable(blocks.get(op.cid()));
    }
}
