package dev.skein.pds.blob;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A blob an account uploaded, as recorded in the {@code blob} table.
 *
 * @param cid its CID (raw codec, SHA-256)
 * @param mimeType the type it was found to be
 * @param size its length in bytes
 * @param uploadedAt when it was last uploaded
 */
public record StoredBlob(Cid cid, String mimeType, long size, Instant uploadedAt) {
    public StoredBlob {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    /** The reference a record embeds. */
    public BlobRef ref() {
        return new BlobRef(cid, mimeType, size);
    }
}
