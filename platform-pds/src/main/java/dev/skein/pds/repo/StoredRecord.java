package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.syntax.AtUri;
import java.util.Objects;

/**
 * A current record of a repository, as stored.
 *
 * @param uri its AT-URI
 * @param cid its CID
 * @param bytes its DRISL bytes (never re-encoded: what was committed is what is served)
 */
public record StoredRecord(AtUri uri, Cid cid, byte[] bytes) {
    public StoredRecord {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The record, decoded. */
    public DataValue value() {
        return Drisl.decode(bytes);
    }
}
