package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import java.util.Objects;

/** One key of the tree and the CID it maps to (a record's CID in a repository). */
public record MstEntry(String key, Cid value) {
    public MstEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
