package dev.skein.pds.repo;

import dev.skein.core.data.DataValue;
import dev.skein.core.syntax.AtIdentifier;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.pds.account.AccountStatus;
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
    /** How many bytes of records {@link #value} keeps decoded: about 5,000 posts, a few MB of heap. */
    static final long DECODED_CACHE_BYTES = 1 << 20;

    private final JdbcClient jdbc;
    private final DecodedRecords decoded = new DecodedRecords(DECODED_CACHE_BYTES);

    public RepoReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored record's value, decoded (recently read ones are kept decoded, by CID: {@link DecodedRecords}). */
    public DataValue value(StoredRecord record) {
        return decoded.value(record);
    }

    /**
     * The account a repo identifier (a DID, or a handle, compared normalised) names here, with its status,
     * and its record at {@code collection}/{@code rkey} if it has one: what getRecord needs, in one query
     * rather than an account lookup and a record lookup. Empty when no account row matches; deleted
     * accounts keep a row, with the status that says so.
     */
    public Optional<RecordLookup> lookup(AtIdentifier repo, Nsid collection, RecordKey rkey) {
        String account = switch (repo) {
            case Did did -> did.value();
            case Handle handle -> handle.normalized().value();
        };
        return jdbc.sql("SELECT a.did, a.status, r.cid, r.bytes FROM account a LEFT JOIN record r"
                        + " ON r.did = a.did AND r.collection = ? AND r.rkey = ? WHERE a." + (repo instanceof Did ? "did" : "handle") + " = ?")
                .param(collection.value()).param(rkey.value()).param(account)
                .query((rs, n) -> {
                    Did did = repo instanceof Did d ? d : Did.parse(rs.getString(1));
                    String cid = rs.getString(3);
                    Optional<StoredRecord> record = cid == null ? Optional.empty()
                            : Optional.of(new StoredRecord(uri(did, collection, rkey.value()), rkey.value(), cid, rs.getBytes(4)));
                    return new RecordLookup(did, AccountStatus.fromWire(rs.getString(2)), record);
                })
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
        return q.query((rs, n) -> {
            String rkey = rs.getString(1);
            return new StoredRecord(uri(did, collection, rkey), rkey, rs.getString(2), rs.getBytes(3));
        }).list();
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

    /**
     * A stored record's AT-URI, written out directly: its parts were checked when the record was written
     * (the key) or are the caller's already parsed values, so building and checking an {@code AtUri} again
     * for every row of a listing would only cost time.
     */
    private static String uri(Did did, Nsid collection, String rkey) {
        return "at://" + did.value() + "/" + collection.value() + "/" + rkey;
    }

    /**
     * What {@link #lookup} found.
     *
     * @param did the account's DID
     * @param status its status (only an active account's records are served)
     * @param record its record at the key asked for, if any
     */
    public record RecordLookup(Did did, AccountStatus status, Optional<StoredRecord> record) {}
}
