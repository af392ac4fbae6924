package dev.skein.pds.blob;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.pds.store.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code blob} and {@code record_blob} tables (record writes fill {@code record_blob} themselves). */
public final class BlobStore {
    private final JdbcClient jdbc;

    public BlobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredBlob> find(Did did, Cid cid) {
        return jdbc.sql("SELECT cid, mime_type, size, uploaded_at FROM blob WHERE did = ? AND cid = ?")
                .param(did.value()).param(cid.toString()).query(BlobStore::row).optional();
    }

    /** Records an upload, or refreshes the upload time of a blob uploaded before. */
    public void upsert(Did did, StoredBlob blob) {
        int updated = jdbc.sql("UPDATE blob SET mime_type = ?, size = ?, uploaded_at = ? WHERE did = ? AND cid = ?")
                .param(blob.mimeType()).param(blob.size()).param(SqlTimes.param(blob.uploadedAt()))
                .param(did.value()).param(blob.cid().toString()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO blob (did, cid, mime_type, size, uploaded_at) VALUES (?, ?, ?, ?, ?)")
                    .param(did.value()).param(blob.cid().toString()).param(blob.mimeType()).param(blob.size())
                    .param(SqlTimes.param(blob.uploadedAt())).update();
        }
    }

    /** Whether a current record of the account references the blob. */
    public boolean isReferenced(Did did, Cid cid) {
        return jdbc.sql("SELECT COUNT(*) FROM record_blob WHERE did = ? AND blob_cid = ?")
                .param(did.value()).param(cid.toString()).query(Long.class).single() > 0;
    }

    /**
     * The CIDs of the account's records' blobs, ascending, after {@code cursor}; with {@code since}, only
     * those of record versions committed after that rev.
     */
    public List<Cid> referenced(Did did, Optional<Tid> since, Optional<Cid> cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT blob_cid FROM record_blob WHERE did = :did");
        since.ifPresent(s -> sql.append(" AND rev > :since"));
        cursor.ifPresent(c -> sql.append(" AND blob_cid > :cursor"));
        sql.append(" ORDER BY blob_cid LIMIT :limit");
        var q = jdbc.sql(sql.toString()).param("did", did.value()).param("limit", limit);
        if (since.isPresent()) {
            q = q.param("since", since.get().value());
        }
        if (cursor.isPresent()) {
            q = q.param("cursor", cursor.get().toString());
        }
        return q.query((rs, n) -> Cid.parse(rs.getString(1))).list();
    }

    /** A blob row's account and CID, for the collector. */
    public record Key(Did did, Cid cid) {}

    /** Up to {@code limit} blobs uploaded before {@code cutoff} that no record references. */
    public List<Key> unreferencedBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT b.did, b.cid FROM blob b WHERE b.uploaded_at < ? AND NOT EXISTS "
                        + "(SELECT 1 FROM record_blob r WHERE r.did = b.did AND r.blob_cid = b.cid) ORDER BY b.uploaded_at LIMIT ?")
                .param(SqlTimes.param(cutoff)).param(limit)
                .query((rs, n) -> new Key(Did.parse(rs.getString(1)), Cid.parse(rs.getString(2)))).list();
    }

    /** Deletes the blob's row if it is still unreferenced and uploaded before {@code cutoff}; returns whether it did. */
    public boolean deleteIfUnreferenced(Did did, Cid cid, Instant cutoff) {
        return jdbc.sql("DELETE FROM blob WHERE did = ? AND cid = ? AND uploaded_at < ? AND NOT EXISTS "
                        + "(SELECT 1 FROM record_blob r WHERE r.did = blob.did AND r.blob_cid = blob.cid)")
                .param(did.value()).param(cid.toString()).param(SqlTimes.param(cutoff)).update() > 0;
    }

    public long count(Did did) {
        return jdbc.sql("SELECT COUNT(*) FROM blob WHERE did = ?").param(did.value()).query(Long.class).single();
    }

    private static StoredBlob row(ResultSet rs, int n) throws SQLException {
        return new StoredBlob(Cid.parse(rs.getString("cid")), rs.getString("mime_type"), rs.getLong("size"),
                SqlTimes.get(rs, "uploaded_at"));
    }
}
