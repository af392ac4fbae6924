package dev.skein.pds.sync;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.blocks.MissingBlockException;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.InvalidMstKeyException;
import dev.skein.core.mst.MstVisitor;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.repo.RepoRoot;
import dev.skein.pds.repo.RepoStore;
import dev.skein.xrpc.XrpcException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * The repositories hosted here as the {@code com.atproto.sync} reads serve them: whole or partial CAR
 * exports, record proofs, blocks, the list of repositories and their status.
 *
 * <p>A repository is served while its account is active. Otherwise the reads answer 400 with the error the
 * lexicons name ({@code RepoTakendown}, {@code RepoDeactivated}; {@code RepoNotFound} for an unknown or
 * deleted account), as the reference PDS does; the administrator is served every repository that exists.
 * ({@code RepoSuspended} cannot happen: this PDS has no temporary suspension.)
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync">sync</a>, <a href="https://atproto.com/specs/repository">repository</a>.
 */
public final class HostedRepos {
    /** CAR blocks read per query when streaming a partial export. */
    static final int SINCE_PAGE = 1000;
    /** How many times a read is started again at a newer commit when the one it began at was superseded. */
    static final int MAX_READ_ATTEMPTS = 5;
    /** The content type of every CAR answer. */
    public static final String CAR = "application/vnd.ipld.car";

    private final AccountStore accounts;
    private final RepoStore repos;
    private final RepoBlocks blocks;
    private final JdbcClient jdbc;
    private final Scheduler scheduler;

    /** @param scheduler where CAR bodies are written (the writers block on the database and on the client) */
    public HostedRepos(AccountStore accounts, RepoStore repos, RepoBlocks blocks, JdbcClient jdbc, Scheduler scheduler) {
        this.accounts = accounts;
        this.repos = repos;
        this.blocks = blocks;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    /** A repository to serve: its account and current commit. */
    public record Hosted(Account account, RepoRoot root) {
        public Did did() {
            return account.did();
        }
    }

    /** One repository of {@code listRepos}. */
    public record Listed(Did did, Cid head, Tid rev, AccountStatus status) {}

    /** A page of {@code listRepos}; {@code cursor} when there may be more. */
    public record Listing(List<Listed> repos, Optional<String> cursor) {}

    /**
     * The repository of {@code did} if it may be served: its account exists, is not deleted and, unless the
     * administrator asks, is active.
     */
    public Hosted require(Did did, boolean admin) {
        Account account = accounts.find(did).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> notFound(did));
        if (!admin && account.status() == AccountStatus.TAKENDOWN) {
            throw XrpcException.badRequest("RepoTakendown", "Repo has been takendown: " + did);
        }
        if (!admin && account.status() == AccountStatus.DEACTIVATED) {
            throw XrpcException.badRequest("RepoDeactivated", "Repo has been deactivated: " + did);
        }
        RepoRoot root = repos.root(did).orElseThrow(() -> notFound(did));
        return new Hosted(account, root);
    }

    /** The account of {@code did} for {@code getRepoStatus}, with its current commit when it has one. */
    public Optional<Hosted> status(Did did) {
        return accounts.find(did).filter(a -> a.status() != AccountStatus.DELETED)
                .flatMap(a -> repos.root(did).map(root -> new Hosted(a, root)));
    }

    /**
     * The whole repository as a CAR in the streamable order (commit, then the MST pre-order with each record
     * after its node). The blocks are read now, level by level, so that a broken repository fails before the
     * answer starts; they are then written as the client reads.
     */
    public Flux<byte[]> export(Hosted repo) {
        Repository r = atCurrentCommit(repo, commit -> {
            Repository loaded = Repository.load(new MemoryBlockStore(blocks.tree(repo.did(), commit)), commit);
            loaded.tree().walk(new MstVisitor() {
                @Override
                public void node(Cid cid, byte[] block) {
                    // read while walking: a missing node fails here
                }

                @Override
                public void record(String key, Cid value) {
                    loaded.store().require(value);
                }
            });
            return loaded;
        });
        return StreamedBody.of(r::exportCar, scheduler);
    }

    /**
     * Reads the repository at its current commit with {@code read}. A commit deletes the blocks only the
     * previous one had, so a read that began at a commit superseded meanwhile can find a block gone: it is
     * then made again at the new current commit.
     */
    private <T> T atCurrentCommit(Hosted repo, Function<Cid, T> read) {
        Cid commit = repo.root().commit();
        for (int attempt = 1; ; attempt++) {
            try {
                return read.apply(commit);
            } catch (MissingBlockException e) {
                Cid current = repos.root(repo.did()).orElseThrow(() -> notFound(repo.did())).commit();
                if (current.equals(commit) || attempt == MAX_READ_ATTEMPTS) {
                    throw e;
                }
                commit = current;
            }
        }
    }

    /**
     * The blocks added after revision {@code since} up to the current commit, with that commit as root:
     * what a client that has the repository at {@code since} lacks. Written page by page as the client reads.
     */
    public Flux<byte[]> exportSince(Hosted repo, Tid since) {
        RepoRoot root = repo.root();
        return StreamedBody.of(out -> {
            CarWriter car = new CarWriter(out, List.of(root.commit()));
            Optional<RepoBlocks.RevBlock> last = Optional.empty();
            while (true) {
                List<RepoBlocks.RevBlock> page = blocks.since(repo.did(), since, root.rev(), last, SINCE_PAGE);
                for (RepoBlocks.RevBlock b : page) {
                    car.write(b.block());
                }
                if (page.size() < SINCE_PAGE) {
                    break;
                }
                last = Optional.of(page.getLast());
            }
            car.flush();
        }, scheduler);
    }

    /**
     * The proof of a record's presence or absence at the current commit: a CAR of the commit, the MST nodes
     * from the root down to the key (or to where it would be) and the record when there is one.
     */
    public byte[] recordProof(Hosted repo, String path) {
        return atCurrentCommit(repo, commit -> {
            Repository r = Repository.load(repos.blocks(repo.did()), commit);
            List<Cid> cids;
            try {
                cids = r.tree().cidsForPath(path);
            } catch (InvalidMstKeyException e) {
                throw XrpcException.invalidRequest("Not a record path: " + path);
            }
            Map<Cid, byte[]> proof = new LinkedHashMap<>();
            proof.put(r.commitCid(), r.store().require(r.commitCid()));
            for (Cid c : cids) {
                proof.put(c, r.store().require(c));
            }
            return CarWriter.toBytes(List.of(r.commitCid()), proof);
        });
    }

    /** The blocks {@code cids} of the repository, as a CAR with no roots; 400 {@code BlockNotFound} if any is missing. */
    public byte[] blocks(Hosted repo, List<Cid> cids) {
        Map<Cid, byte[]> found = blocks.get(repo.did(), cids);
        List<String> missing = cids.stream().filter(c -> !found.containsKey(c)).map(Cid::toString).distinct().toList();
        if (!missing.isEmpty()) {
            throw XrpcException.badRequest("BlockNotFound", "Could not find cids: " + String.join(", ", missing));
        }
        Map<Cid, byte[]> ordered = new LinkedHashMap<>();
        cids.forEach(c -> ordered.put(c, found.get(c)));
        return CarWriter.toBytes(List.of(), ordered);
    }

    /**
     * Repositories in DID order after {@code after}, at most {@code limit}, with their account status
     * (deleted accounts have no repository and are not listed).
     */
    public Listing list(Optional<String> after, int limit) {
        List<Listed> page = jdbc.sql("""
                        SELECT a.did, a.status, r.commit_cid, r.rev FROM account a JOIN repo_root r ON r.did = a.did
                        WHERE a.did > ? ORDER BY a.did LIMIT ?""")
                .param(after.orElse("")).param(limit)
                .query((rs, n) -> new Listed(Did.parse(rs.getString(1)), Cid.parse(rs.getString(3)),
                        Tid.parse(rs.getString(4)), AccountStatus.fromWire(rs.getString(2))))
                .list();
        Optional<String> cursor = page.size() == limit ? Optional.of(page.getLast().did().value()) : Optional.empty();
        return new Listing(page, cursor);
    }

    private static XrpcException notFound(Did did) {
        return XrpcException.badRequest("RepoNotFound", "Could not find repo for DID: " + did);
    }
}
