package dev.skein.pds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the sync tests add to {@link PdsContract}: record writes through {@code com.atproto.repo.createRecord}
 * ({@link RepoWrites}), with rate limits off (the test clock never moves a window on).
 */
public abstract class SyncContract extends PdsContract {
    private RepoWrites repoWrites;

    @DynamicPropertySource
    static void syncSettings(DynamicPropertyRegistry registry) {
        registry.add("skein.pds.rate-limits.enabled", () -> "false");
    }

    @BeforeEach
    void repoWrites() {
        repoWrites = new RepoWrites(URI.create("http://127.0.0.1:" + port));
    }

    /** A new post in the account's repository, once durable. */
    protected RepoWrites.Written post(Session s, String text) {
        try {
            return repoWrites.post(writer(s), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new record of {@code bytes} bytes of data. */
    protected RepoWrites.Written bulk(Session s, int bytes) {
        try {
            return repoWrites.bulk(writer(s), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RepoWrites.Writer writer(Session s) {
        return new RepoWrites.Writer(s.did().value(), s.accessJwt());
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
