package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads of current records from the {@code record} table, which holds each record's committed bytes:
 * {@code com.atproto.repo.getRecord}, {@code listRecords} and the collections of {@code describeRepo}.
 *
 * <p>Listings follow the reference PDS: by record key, descending unless {@code reverse}; the cursor is the
 * last key returned, and the next page starts strictly after it.
 */
public final class RepoReader {
    private final JdbcClient jdbc;

    public RepoReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredRecord> record(Did did, Nsid collection, RecordKey rkey) {
        return jdbc.sql("SELECT cid, bytes FROM record WHERE did = ? AND collection = ? AND rkey = ?")
                .param(did.value()).param(collection.value()).param(rkey.value())
                .query((rs, n) -> new StoredRecord(AtUri.of(did, collection, rkey), Cid.parse(rs.getString(1)), rs.getBytes(2)))
                .optional();
    }

    /** Up to {@code limit} records of a collection after {@code cursor}, by key descending (ascending if {@code reverse}). */
    public List<StoredRecord> list(Did did, Nsid collection, int limit, Optional<RecordKey> cursor, boolean reverse) {
        String sql = "SELECT rkey, cid, bytes FROM record WHERE did = :did AND collection = :collection"
                + (cursor.isPresent() ? (reverse ? " AND rkey > :cursor" : " AND rkey < :cursor") : "")
                + " ORDER BY rkey " + (reverse ? "ASC" : "DESC") + " LIMIT :limit";
        var q = jdbc.sql(sql).param("did", did.value()).param("collection", collection.value()).param("limit", limit);
        if (cursor.isPresent()) {
            q = q.param("cursor", cursor.get().value());
        }
        return q.query((rs, n) -> new StoredRecord(AtUri.of(did, collection, RecordKey.parse(rs.getString(1))),
                Cid.parse(rs.getString(2)), rs.getBytes(3))).list();
    }

    /** The collections with at least one record, in order. */
    public List<Nsid> collections(Did did) {
        return jdbc.sql("SELECT DISTINCT collection FROM record WHERE did = ? ORDER BY collection").param(did.value())
                .query((rs, n) -> Nsid.parse(rs.getString(1))).list();
    }

    /** How many records the repository has. */
    public long count(Did did) {
        return jdbc.sql("SELECT COUNT(*) FROM record WHERE did = ?").param(did.value()).query(Long.class).single();
    }
}
