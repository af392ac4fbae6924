package dev.skein.pds.blob;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Accounts' blobs: uploads ({@code com.atproto.repo.uploadBlob}), reads ({@code com.atproto.sync.getBlob}),
 * listings, and the check a record write makes of every blob it references.
 *
 * <p>An upload is stored under its CID (raw codec, SHA-256) with the type its bytes show
 * ({@link MimeSniffer}), and stays "untethered" until a record references it; blobs no record references
 * are collected after a grace period ({@link BlobCollector}). The file is durable before the row is
 * committed, and the row before the call answers.
 *
 * <p>Spec: <a href="https://atproto.com/specs/blob">blobs</a>.
 */
public final class Blobs {
    private final BlobStore store;
    private final BlobFiles files;
    private final BlobLocks locks;
    private final Transactions tx;
    private final Clock clock;
    private final long uploadLimit;

    public Blobs(BlobStore store, BlobFiles files, BlobLocks locks, Transactions tx, Clock clock, long uploadLimit) {
        this.store = store;
        this.files = files;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
        this.uploadLimit = uploadLimit;
    }

    public BlobLocks locks() {
        return locks;
    }

    /** Stores an upload; 413 {@code PayloadTooLarge} over the upload limit. */
    public StoredBlob upload(Did did, byte[] bytes, String declaredType) {
        if (bytes.length > uploadLimit) {
            throw XrpcException.payloadTooLarge("Blob is larger than " + uploadLimit + " bytes");
        }
        Cid cid = Cid.ofRaw(bytes);
        StoredBlob blob = new StoredBlob(cid, MimeSniffer.sniff(bytes, declaredType), bytes.length, clock.instant());
        try (BlobLocks.Held held = locks.lock(did, cid)) {
            files.write(did, cid, bytes);
            tx.write(() -> store.upsert(did, blob));
        }
        return blob;
    }

    /** A blob and its bytes. */
    public record Content(StoredBlob blob, byte[] bytes) {}

    /** The blob, if the account has it. */
    public Optional<Content> read(Did did, Cid cid) {
        return store.find(did, cid).flatMap(b -> files.read(did, cid).map(bytes -> new Content(b, bytes)));
    }

    /** See {@link BlobStore#referenced}. */
    public List<Cid> referenced(Did did, Optional<Tid> since, Optional<Cid> cursor, int limit) {
        return store.referenced(did, since, cursor, limit);
    }

    /** Locks the blobs a record write is about to reference, until the write's transaction is over. */
    public BlobLocks.Held lockForReference(Did did, Collection<Cid> cids) {
        return locks.lockAll(did, cids);
    }

    /**
     * Checks the blobs a record references, inside the write's transaction and under
     * {@link #lockForReference}: each must be one this account uploaded, with the type and size it was
     * uploaded with. As in the reference PDS: 400 {@code BlobNotFound}, {@code InvalidMimeType}, or (size)
     * {@code InvalidBlob}. The record's lexicon constraints ({@code accept}, {@code maxSize}) were checked
     * against the declared type and size, which this makes the real ones.
     */
    public void checkReferences(Did did, Collection<BlobRef> refs) {
        for (BlobRef ref : refs) {
            StoredBlob found = store.find(did, ref.ref()).orElseThrow(() ->
                    XrpcException.badRequest("BlobNotFound", "Could not find blob: " + ref.ref()));
            if (!found.mimeType().equals(ref.mimeType())) {
                throw XrpcException.badRequest("InvalidMimeType", "Referenced Mimetype does not match stored blob. Expected: "
                        + found.mimeType() + ", Got: " + ref.mimeType());
            }
            if (found.size() != ref.size()) {
                throw XrpcException.badRequest("InvalidBlob", "Referenced size does not match stored blob. Expected: "
                        + found.size() + ", Got: " + ref.size());
            }
        }
    }
}
