package dev.skein.pds;

import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.Transactions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the sync tests add to {@link PdsContract}: commits made through the PDS's storage ({@link RepoWrites}). */
public abstract class SyncContract extends PdsContract {
    @Autowired
    private Transactions tx;
    @Autowired
    private RepoStore repoStore;
    @Autowired
    private SigningKeys signingKeys;
    @Autowired
    private Sequencer sequencer;

    protected RepoWrites writes;

    @BeforeEach
    void repoWrites() {
        writes = new RepoWrites(tx, repoStore, signingKeys, sequencer, clock);
    }

    /** The last seq handed out so far. */
    protected long lastSeq() {
        return pdsJdbcClient.sql("SELECT last_seq FROM sequencer_state").query(Long.class).single();
    }

    /** The stored seqs above {@code after}, in order. */
    protected List<Long> storedSeqsAfter(long after) {
        return pdsJdbcClient.sql("SELECT seq FROM repo_seq WHERE seq > ? ORDER BY seq").param(after).query(Long.class).list();
    }
}
