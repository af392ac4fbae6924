package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import java.util.Objects;

/** A CID link ({@code {"$link": …}} in JSON, tag 42 in DRISL). */
public record LinkValue(Cid cid) implements DataValue {
    public LinkValue {
        Objects.requireNonNull(cid, "cid");
    }

    @Override
    public String kind() {
        return "cid-link";
    }

    @Override
    public String toString() {
        return cid.toString();
    }
}
