package dev.skein.plc.store;

import dev.skein.core.cid.Cid;
import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.syntax.Did;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory's tables, through JDBC: the same SQL on PostgreSQL and H2. Writes are meant to run inside
 * a transaction the caller holds, after {@link #lockDid} (or {@link #insertDid}) has taken the DID's row
 * lock, so that writers of one DID queue up while other DIDs proceed.
 */
public final class PlcStore {
    private static final String COLUMNS = "did, operation, cid, nullified, created_at";
    private static final RowMapper<PlcLogEntry> ENTRY = PlcStore::entry;

    private final JdbcClient jdbc;
    private final SqlVendor vendor;

    public PlcStore(JdbcClient jdbc, SqlVendor vendor) {
        this.jdbc = jdbc;
        this.vendor = vendor;
    }

    /** Takes the row lock of {@code did} for the current transaction; false if the DID has no row yet. */
    public boolean lockDid(Did did) {
        return jdbc.sql("SELECT did FROM dids WHERE did = ? FOR UPDATE")
                .param(did.value()).query(String.class).optional().isPresent();
    }

    /** Adds the row of a new DID (locked by the current transaction until it ends). */
    public void insertDid(Did did, Instant createdAt) {
        jdbc.sql("INSERT INTO dids (did, created_at) VALUES (?, ?)").params(did.value(), timestamp(createdAt)).update();
    }

    /** Every operation of {@code did}, nullified ones included, in the order accepted. */
    public List<PlcLogEntry> auditLog(Did did) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operations WHERE did = ? ORDER BY created_at")
                .param(did.value()).query(ENTRY).list();
    }

    /** The operations of {@code did} that are not nullified, in order. */
    public List<PlcLogEntry> activeLog(Did did) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operations WHERE did = ? AND nullified = FALSE ORDER BY created_at")
                .param(did.value()).query(ENTRY).list();
    }

    /** The newest operation of {@code did} that is not nullified. */
    public Optional<PlcLogEntry> lastActive(Did did) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operations WHERE did = ? AND nullified = FALSE"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param(did.value()).query(ENTRY).optional();
    }

    /** Stores an accepted operation. */
    public void insert(PlcLogEntry e) {
        jdbc.sql("INSERT INTO operations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")
                .params(e.did().value(), e.operation().toJson(), e.cid().toString(), e.nullified(), timestamp(e.createdAt()))
                .update();
    }

    /** Marks operations of {@code did} nullified. */
    public void markNullified(Did did, List<Cid> cids) {
        for (Cid cid : cids) {
            jdbc.sql("UPDATE operations SET nullified = TRUE WHERE did = ? AND cid = ?")
                    .params(did.value(), cid.toString()).update();
        }
    }

    /**
     * Up to {@code count} operations of every DID accepted after {@code after} (from the first when empty),
     * oldest first; operations accepted in the same millisecond come in CID order.
     */
    public List<PlcLogEntry> export(Optional<Instant> after, int count) {
        if (after.isEmpty()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM operations ORDER BY created_at, cid LIMIT ?")
                    .param(count).query(ENTRY).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM operations WHERE created_at > ? ORDER BY created_at, cid LIMIT ?")
                .params(timestamp(after.get()), count).query(ENTRY).list();
    }

    /** Answers if the database does. */
    public void ping() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }

    /** Makes what has been committed durable where the commit alone does not ({@link SqlVendor#syncCommitted}). */
    public void syncCommitted() {
        vendor.syncCommitted(jdbc);
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static PlcLogEntry entry(ResultSet rs, int row) throws SQLException {
        return new PlcLogEntry(
                Did.parse(rs.getString("did")),
                PlcOp.fromJson(rs.getString("operation")),
                Cid.parse(rs.getString("cid")),
                rs.getBoolean("nullified"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
