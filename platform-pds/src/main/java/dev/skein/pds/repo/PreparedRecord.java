package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.data.MapValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record ready to be committed: its content with {@code $type}, its DRISL bytes and CID, how it was
 * validated, and the blobs it references (each must be one this account uploaded).
 *
 * @param value the record
 * @param bytes its DRISL encoding, stored and served as is
 * @param cid the CID of {@code bytes}
 * @param validation empty when validation was skipped
 * @param blobs the blob references anywhere in the record
 */
public record PreparedRecord(MapValue value, byte[] bytes, Cid cid, Optional<ValidationStatus> validation,
                             List<BlobRef> blobs) {
    public PreparedRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(validation, "validation");
        blobs = List.copyOf(blobs);
    }
}
