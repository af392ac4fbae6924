package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.repo.InvalidWriteException;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.blob.BlobLocks;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies prepared write calls to repositories, with group commit.
 *
 * <p>Calls for one repository queue up ({@link GroupCommitQueue}); its writer takes every queued call and,
 * in one transaction: checks the account is active, locks the repository's root, and applies the calls in
 * order, each checked on its own (swaps, existence, blobs) and made into its own signed commit with a rev
 * above the previous one; then stores all the commits' blocks, records, blob links, the new root and one
 * {@code #commit} event per commit ({@link CommitBatch}). Each call is answered once the commit is
 * durable ({@link Transactions#afterDurable}: on H2 one disk flush serves many batches, and the writer goes on with the
 * next batch while it runs). A call that fails its checks is
 * answered at once and changes nothing; a failure of the transaction itself fails every call of the batch.
 *
 * <p>Between batches the writer keeps the repository and signing key in memory ({@link RepoStateCache}),
 * reusing them when the stored root is still the one it last wrote.
 */
final class RepoWriter implements AutoCloseable {
    /** A call waiting for its repository's writer. */
    record Call(List<PreparedWrite> writes, Optional<Cid> swapCommit, CompletableFuture<WriteResult> result) {}

    /** What applying one call gave: the outcome, and the commit it made if it changed anything. */
    private record Applied(Call call, WriteResult result) {}

    private final Transactions tx;
    private final RepoStore repos;
    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final AccountStore accounts;
    private final SigningKeys keys;
    private final Sequencer sequencer;
    private final Blobs blobs;
    private final TidClock revs;
    private final Clock clock;
    private final RepoStateCache states;
    private final ExecutorService executor;
    private final GroupCommitQueue<Did, Call> queue;

    RepoWriter(Transactions tx, RepoStore repos, JdbcClient jdbc, JdbcTemplate batchJdbc, AccountStore accounts, SigningKeys keys,
               Sequencer sequencer, Blobs blobs, TidClock revs, Clock clock, int threads, int maxBatch, int cachedRepos) {
        this.tx = tx;
        this.repos = repos;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.accounts = accounts;
        this.keys = keys;
        this.sequencer = sequencer;
        this.blobs = blobs;
        this.revs = revs;
        this.clock = clock;
        this.states = new RepoStateCache(cachedRepos);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "skein-pds-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.queue = new GroupCommitQueue<>(executor, maxBatch, this::process);
    }

    /** Queues a call; the future completes once its commit is durable, or with the call's error. */
    CompletableFuture<WriteResult> submit(Did did, List<PreparedWrite> writes, Optional<Cid> swapCommit) {
        Call call = new Call(List.copyOf(writes), swapCommit, new CompletableFuture<>());
        queue.submit(did, call);
        return call.result();
    }

    private void process(Did did, List<Call> batch) {
        Set<Cid> referenced = new LinkedHashSet<>();
        batch.forEach(c -> c.writes().forEach(w -> w.record().ifPresent(r -> r.blobs().forEach(b -> referenced.add(b.ref())))));
        List<Applied> applied = new ArrayList<>(batch.size());
        RepoState[] last = new RepoState[1];
        try (BlobLocks.Held held = referenced.isEmpty() ? () -> { } : blobs.lockForReference(did, referenced)) {
            tx.writeUnsynced(() -> {
                last[0] = applyBatch(did, batch, applied);
                return null;
            });
        } catch (XrpcException e) {
            states.evict(did);
            batch.forEach(c -> c.result().completeExceptionally(e));
            return;
        } catch (RuntimeException | Error e) {
            states.evict(did);
            XrpcException failure = XrpcException.internal(e);
            batch.forEach(c -> c.result().completeExceptionally(failure));
            return;
        }
        RepoState state = last[0];
        if (state != null) {
            try {
                states.put(did, state.reopenedAt(state.commitCid()));
            } catch (RuntimeException e) {
                states.evict(did);
            }
        }
        tx.afterDurable(() -> applied.forEach(a -> a.call().result().complete(a.result())), e -> {
            XrpcException failure = XrpcException.internal(e);
            applied.forEach(a -> a.call().result().completeExceptionally(failure));
        });
    }

    /** Runs inside the transaction; returns the state after the last commit, or null when nothing was committed. */
    private RepoState applyBatch(Did did, List<Call> batch, List<Applied> applied) {
        AccountStatus status = accounts.storedStatus(did)
                .orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + did));
        RepoAccess.requireWritable(did, status);
        RepoState state = states.get(did);
        if (state == null || !repos.lockRootAt(did, state.commitCid())) {
            RepoRoot root = repos.lockRoot(did)
                    .orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + did));
            if (state == null || !state.commitCid().equals(root.commit())) {
                RepoBlocks store = new RepoBlocks(jdbc, did);
                state = new RepoState(Repository.load(store, root.commit()), keys.load(did), store);
            }
        }
        CommitBatch commits = new CommitBatch(did, state.repository());
        for (Call call : batch) {
            try {
                Map<String, PreparedRecord> records = new HashMap<>();
                Optional<RepoCommit> commit = apply(did, state, call, records, applied);
                if (commit.isPresent()) {
                    commits.add(commit.get(), records);
                    state = new RepoState(commit.get().repository(), state.key(), state.blocks());
                }
            } catch (XrpcException e) {
                call.result().completeExceptionally(e);
            } catch (InvalidWriteException e) {
                call.result().completeExceptionally(XrpcException.invalidRequest(message(e)));
            }
        }
        if (commits.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        commits.store(jdbc, batchJdbc, sequencer, now, Datetime.of(now));
        return state;
    }

    /** Checks and applies one call to {@code state}; adds its result to {@code applied} unless it throws. */
    private Optional<RepoCommit> apply(Did did, RepoState state, Call call, Map<String, PreparedRecord> records,
                                       List<Applied> applied) {
        Repository repo = state.repository();
        if (call.swapCommit().isPresent() && !call.swapCommit().get().equals(repo.commitCid())) {
            throw XrpcException.badRequest("InvalidSwap", "Commit was at " + repo.commitCid());
        }
        List<RepoWrite> ops = new ArrayList<>();
        List<WriteOutcome> outcomes = new ArrayList<>();
        List<BlobRef> referenced = new ArrayList<>();
        for (PreparedWrite w : call.writes()) {
            String path = w.path();
            Optional<Cid> current = repo.recordCid(path);
            AtUri uri = AtUri.of(did, w.write().collection(), w.rkey());
            switch (w.write()) {
                case RecordWrite.Create c -> {
                    if (current.isPresent()) {
                        throw XrpcException.invalidRequest("Record already exists: " + uri);
                    }
                    PreparedRecord r = w.record().orElseThrow();
                    ops.add(new RepoWrite.Create(c.collection(), w.rkey(), r.value()));
                    outcomes.add(new WriteOutcome.Created(uri, r.cid(), r.validation()));
                    records.put(path, r);
                    referenced.addAll(r.blobs());
                }
                case RecordWrite.Update u -> {
                    if (current.isEmpty()) {
                        throw XrpcException.invalidRequest("Could not find record to update: " + uri);
                    }
                    PreparedRecord r = w.record().orElseThrow();
                    ops.add(new RepoWrite.Update(u.collection(), w.rkey(), r.value()));
                    outcomes.add(new WriteOutcome.Updated(uri, r.cid(), r.validation()));
                    records.put(path, r);
                    referenced.addAll(r.blobs());
                }
                case RecordWrite.Put p -> {
                    requireSwap(p.swap(), current);
                    PreparedRecord r = w.record().orElseThrow();
                    if (current.isEmpty()) {
                        ops.add(new RepoWrite.Create(p.collection(), w.rkey(), r.value()));
                        outcomes.add(new WriteOutcome.Created(uri, r.cid(), r.validation()));
                    } else if (current.get().equals(r.cid())) {
                        outcomes.add(new WriteOutcome.Unchanged(uri, r.cid(), r.validation()));
                        continue;
                    } else {
                        ops.add(new RepoWrite.Update(p.collection(), w.rkey(), r.value()));
                        outcomes.add(new WriteOutcome.Updated(uri, r.cid(), r.validation()));
                    }
                    records.put(path, r);
                    referenced.addAll(r.blobs());
                }
                case RecordWrite.Delete d -> {
                    requireSwap(d.swap(), current);
                    if (current.isEmpty()) {
                        if (!d.ifExists()) {
                            throw XrpcException.invalidRequest("Could not find record to delete: " + uri);
                        }
                        outcomes.add(new WriteOutcome.Absent(uri));
                        continue;
                    }
                    ops.add(new RepoWrite.Delete(d.collection(), w.rkey()));
                    outcomes.add(new WriteOutcome.Deleted(uri));
                }
            }
        }
        if (ops.isEmpty()) {
            applied.add(new Applied(call, new WriteResult(Optional.empty(), outcomes)));
            return Optional.empty();
        }
        blobs.checkReferences(did, referenced);
        RepoCommit commit = repo.apply(ops, revs.nextAfter(repo.rev()), state.key());
        applied.add(new Applied(call, new WriteResult(Optional.of(new CommitMeta(commit.cid(), commit.commit().rev())), outcomes)));
        return Optional.of(commit);
    }

    private static void requireSwap(RecordSwap swap, Optional<Cid> current) {
        if (!swap.accepts(current)) {
            throw XrpcException.badRequest("InvalidSwap", "Record was at " + current.map(Cid::toString).orElse("null"));
        }
    }

    private static String message(InvalidWriteException e) {
        return switch (e.reason()) {
            case TOO_MANY_WRITES -> "Too many writes. Max: " + RepoService.MAX_WRITES;
            default -> e.getMessage();
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
