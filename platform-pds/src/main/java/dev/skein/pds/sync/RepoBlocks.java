package dev.skein.pds.sync;

import dev.skein.core.car.CarBlock;
import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.repo.Commit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an account's blocks ({@code repo_block}) in bulk, for exports: many CIDs per query, rather than a
 * query per block as walking the tree through a block store would make.
 */
public final class RepoBlocks {
    /** CIDs per lookup query. */
    static final int BATCH = 500;
    /**
     * Accounts with at most this many stored blocks (every revision's) are read in one pass, and the tree
     * walked in memory: far quicker than looking blocks up, at the price of reading old revisions' blocks too
     * (some tens of megabytes at most).
     */
    static final long WHOLE_READ_MAX_BLOCKS = 50_000;

    private final JdbcClient jdbc;
    private final long wholeReadMaxBlocks;

    public RepoBlocks(JdbcClient jdbc) {
        this(jdbc, WHOLE_READ_MAX_BLOCKS);
    }

    RepoBlocks(JdbcClient jdbc, long wholeReadMaxBlocks) {
        this.jdbc = jdbc;
        this.wholeReadMaxBlocks = wholeReadMaxBlocks;
    }

    /** Those of {@code cids} that {@code did}'s repository holds, by CID. */
    public Map<Cid, byte[]> get(Did did, Collection<Cid> cids) {
        Map<Cid, byte[]> out = new HashMap<>();
        List<Cid> all = List.copyOf(cids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Cid> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            // A join with a VALUES list looks each block up by its key; an IN list does not on H2, which then
            // scans all of the account's blocks (every revision's) once per batch.
            String values = String.join(", ", Collections.nCopies(batch.size(), "(?)"));
            List<Object> params = new ArrayList<>(batch.size() + 1);
            batch.forEach(c -> params.add(c.toString()));
            params.add(did.value());
            jdbc.sql("SELECT b.cid, b.bytes FROM (VALUES " + values + ") AS v (cid) "
                            + "JOIN repo_block b ON b.did = ? AND b.cid = v.cid")
                    .params(params)
                    .query((RowCallbackHandler) rs -> out.put(Cid.parse(rs.getString(1)), rs.getBytes(2)));
        }
        return out;
    }

    /**
     * The blocks of the repository at {@code commit}: the commit, every MST node and every record (and, for
     * a small account, the blocks of its older revisions too). A block the table lacks is left out; walking
     * the tree then fails on it.
     */
    public Map<Cid, byte[]> tree(Did did, Cid commit) {
        long stored = jdbc.sql("SELECT COUNT(*) FROM repo_block WHERE did = ?").param(did.value()).query(Long.class).single();
        return stored <= wholeReadMaxBlocks ? all(did) : walk(did, commit);
    }

    private Map<Cid, byte[]> all(Did did) {
        Map<Cid, byte[]> out = new HashMap<>();
        jdbc.sql("SELECT cid, bytes FROM repo_block WHERE did = ?").param(did.value())
                .query((RowCallbackHandler) rs -> out.put(Cid.parse(rs.getString(1)), rs.getBytes(2)));
        return out;
    }

    /** The tree's blocks read level by level down from the commit: one query per level and batch. */
    private Map<Cid, byte[]> walk(Did did, Cid commit) {
        Map<Cid, byte[]> out = new HashMap<>(get(did, List.of(commit)));
        byte[] commitBlock = out.get(commit);
        if (commitBlock == null) {
            return out;
        }
        List<Cid> level = List.of(Commit.fromBytes(commitBlock).data());
        while (!level.isEmpty()) {
            Map<Cid, byte[]> nodes = get(did, level);
            out.putAll(nodes);
            List<Cid> children = new ArrayList<>();
            List<Cid> records = new ArrayList<>();
            for (byte[] node : nodes.values()) {
                links(node, children, records);
            }
            out.putAll(get(did, records));
            level = children.stream().filter(c -> !out.containsKey(c)).distinct().toList();
        }
        return out;
    }

    /**
     * The blocks added by commits after {@code since} up to {@code upTo} (by the rev stored with each block),
     * ordered by rev and CID, {@code limit} at a time after {@code after} (a page's last block).
     */
    public List<RevBlock> since(Did did, Tid since, Tid upTo, Optional<RevBlock> after, int limit) {
        String afterRev = after.map(b -> b.rev().value()).orElse(since.value());
        String afterCid = after.map(b -> b.block().cid().toString()).orElse("");
        return jdbc.sql("""
                        SELECT cid, rev, bytes FROM repo_block
                        WHERE did = ? AND rev > ? AND rev <= ? AND (rev > ? OR (rev = ? AND cid > ?))
                        ORDER BY rev, cid LIMIT ?""")
                .param(did.value()).param(since.value()).param(upTo.value()).param(afterRev).param(afterRev)
                .param(afterCid).param(limit)
                .query((rs, n) -> new RevBlock(Tid.parse(rs.getString(2)), new CarBlock(Cid.parse(rs.getString(1)), rs.getBytes(3))))
                .list();
    }

    /** A block with the rev of the commit that stored it. */
    public record RevBlock(Tid rev, CarBlock block) {}

    /** The child nodes ({@code l}, each entry's {@code t}) and records (each entry's {@code v}) of an MST node. */
    private static void links(byte[] node, List<Cid> children, List<Cid> records) {
        if (!(Drisl.decode(node, DataLimits.FRAME) instanceof MapValue map)) {
            return;
        }
        map.getLink("l").ifPresent(children::add);
        if (map.get("e") instanceof ArrayValue entries) {
            for (DataValue e : entries.items()) {
                if (e instanceof MapValue entry) {
                    entry.getLink("t").ifPresent(children::add);
                    entry.getLink("v").ifPresent(records::add);
                }
            }
        }
    }
}
