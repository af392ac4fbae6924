package dev.skein.core.blocks;

import dev.skein.core.cid.Cid;

/**
 * A block was needed but the store does not hold it: a partial tree (a commit proof) without enough
 * nodes, or a store that lost data.
 */
public final class MissingBlockException extends RuntimeException {
    private final transient Cid cid;

    public MissingBlockException(Cid cid) {
        super("missing block " + cid);
        this.cid = cid;
    }

    public Cid cid() {
        return cid;
    }
}
