package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Record writes to the repositories hosted here: {@code com.atproto.repo.createRecord}, {@code putRecord},
 * {@code deleteRecord} and {@code applyWrites} all come down to {@link #write}.
 *
 * <p>A call names the caller's own repository (else 401), carries at most {@value #MAX_WRITES} writes,
 * and is prepared in the caller's thread ({@link RecordPreparer}: {@code $type}, lexicon validation, record
 * key, encoding); then it waits for its repository's writer ({@link RepoWriter}), which applies it with
 * the other calls queued for the same repository and answers once the commit is durable. Each call makes
 * at most one commit, and none when it changes nothing (a put of identical content, a delete of a missing
 * record). Revs come from one {@link TidClock} seeded with the highest rev stored, and each is also above
 * its repository's previous rev, so they increase across restarts.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>; behaviour as the reference
 * PDS's (atproto-checklist 5.6).
 */
public final class RepoService implements AutoCloseable {
    /** Most writes one call may carry (the limit of a {@code #commit} event's ops). */
    public static final int MAX_WRITES = 200;

    private final RepoAccess access;
    private final RecordPreparer preparer;
    private final RepoWriter writer;

    public RepoService(RepoAccess access, RecordPreparer preparer, Transactions tx, RepoStore repos, JdbcClient jdbc,
                       JdbcTemplate batchJdbc, AccountStore accounts, SigningKeys keys, Sequencer sequencer, Blobs blobs,
                       TidClock revs, Clock clock, PdsProperties.Repos settings) {
        this.access = access;
        this.preparer = preparer;
        this.writer = new RepoWriter(tx, repos, jdbc, batchJdbc, accounts, keys, sequencer, blobs, revs, clock,
                settings.writerThreads(), settings.maxBatch(), settings.cachedRepos());
    }

    /**
     * Prepares and queues a write call to {@code repo} (a DID or handle) by {@code caller}; the future
     * completes once the commit is durable, or with an {@link XrpcException}. Preparation errors are
     * thrown at once.
     */
    public CompletableFuture<WriteResult> write(Did caller, String repo, List<RecordWrite> writes, Optional<Cid> swapCommit,
                                                ValidationMode mode) {
        Did did = access.ownRepo(caller, repo);
        if (writes.size() > MAX_WRITES) {
            throw XrpcException.invalidRequest("Too many writes. Max: " + MAX_WRITES);
        }
        List<PreparedWrite> prepared = new ArrayList<>(writes.size());
        for (RecordWrite w : writes) {
            prepared.add(preparer.prepare(w, mode));
        }
        return writer.submit(did, prepared, swapCommit);
    }

    /**
     * Whether {@link #write} by {@code caller} to {@code repo} prepares its writes without I/O, so that it may
     * run on an event loop: the repository is named by the caller's DID, which needs no lookup.
     */
    public boolean preparesWithoutIo(Did caller, String repo) {
        return repo.equals(caller.value());
    }

    @Override
    public void close() {
        writer.close();
    }
}
