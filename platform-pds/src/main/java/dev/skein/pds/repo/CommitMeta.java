package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Tid;
import java.util.Objects;

/** The commit a write made: {@code com.atproto.repo.defs#commitMeta}. */
public record CommitMeta(Cid cid, Tid rev) {
    public CommitMeta {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(rev, "rev");
    }

    public MapValue toValue() {
        return MapValue.builder().put("cid", cid.toString()).put("rev", rev.value()).build();
    }
}
