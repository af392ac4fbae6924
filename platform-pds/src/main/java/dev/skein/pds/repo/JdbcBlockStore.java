package dev.skein.pds.repo;

import dev.skein.core.blocks.BlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One account's blocks, read from {@code repo_block}. Blocks put here stay in memory, for the commit being
 * built ({@code Repository.apply} writes its new blocks to its store); {@link RepoStore#saveCommit} then
 * stores the commit's blocks, so a failed commit leaves the table untouched.
 */
public final class JdbcBlockStore implements BlockStore {
    private final JdbcClient jdbc;
    private final Did did;
    private final Map<Cid, byte[]> pending = new LinkedHashMap<>();

    public JdbcBlockStore(JdbcClient jdbc, Did did) {
        this.jdbc = jdbc;
        this.did = did;
    }

    @Override
    public byte[] get(Cid cid) {
        byte[] b = pending.get(cid);
        if (b != null) {
            return b;
        }
        return jdbc.sql("SELECT bytes FROM repo_block WHERE did = ? AND cid = ?").param(did.value()).param(cid.toString())
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    @Override
    public void put(Cid cid, byte[] bytes) {
        pending.putIfAbsent(cid, bytes);
    }
}
