package dev.skein.pds.repo;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The block store a repository's writer keeps between commits: reads go to {@code repo_block} (in the
 * writer's transaction), blocks the writer built stay in a small recency cache.
 *
 * <p>{@link #has} answers from the cache alone. The MST asks it which of the nodes it built in memory are
 * already stored, so that a commit lists only new nodes ({@code RepoCommit.newBlocks}); what is stored is
 * decided apart from that, by the difference between the trees before and after a batch
 * ({@link CommitBatch}), so a node the cache wrongly calls stored (one a later commit deleted) costs nothing.
 * When a batch fails, the writer drops this store with the rest of the repository's cached state.
 */
final class RepoBlocks implements BlockStore {
    /** Blocks larger than this (big records) are not cached: the writer never reads records back. */
    static final int MAX_CACHED_BLOCK = 16 * 1024;
    /** The cache's budget, enough for the nodes of the last few commits of a busy repository. */
    static final long MAX_CACHED_BYTES = 512 * 1024;

    private final JdbcClient jdbc;
    private final Did did;
    private final LinkedHashMap<Cid, byte[]> recent = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedBytes;

    RepoBlocks(JdbcClient jdbc, Did did) {
        this.jdbc = jdbc;
        this.did = did;
    }

    @Override
    public synchronized byte[] get(Cid cid) {
        byte[] b = recent.get(cid);
        if (b != null) {
            return b;
        }
        return jdbc.sql("SELECT bytes FROM repo_block WHERE did = ? AND cid = ?").param(did.value()).param(cid.toString())
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    @Override
    public synchronized boolean has(Cid cid) {
        return recent.containsKey(cid);
    }

    @Override
    public synchronized void put(Cid cid, byte[] bytes) {
        if (bytes.length > MAX_CACHED_BLOCK || recent.containsKey(cid)) {
            return;
        }
        recent.put(cid, bytes);
        cachedBytes += bytes.length;
        var eldest = recent.entrySet().iterator();
        while (cachedBytes > MAX_CACHED_BYTES && eldest.hasNext()) {
            Map.Entry<Cid, byte[]> e = eldest.next();
            cachedBytes -= e.getValue().length;
            eldest.remove();
        }
    }
}
