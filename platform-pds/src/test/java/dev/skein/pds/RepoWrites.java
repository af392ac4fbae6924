package dev.skein.pds;

import dev.skein.core.data.BytesValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.repo.RepoRoot;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Commits to an account's repository through the PDS's storage, the way its write path does (lock the root,
 * apply the writes signed with the account's key, save the commit, sequence its {@code #commit}, all in one
 * durable transaction): the sync tests' source of commits until the repo write methods exist.
 */
public final class RepoWrites {
    public static final Nsid POST = Nsid.parse("app.bsky.feed.post");
    public static final Nsid BULK = Nsid.parse("dev.skein.test.bulk");

    private final Transactions tx;
    private final RepoStore repos;
    private final SigningKeys keys;
    private final Sequencer sequencer;
    private final Clock clock;
    private final TidClock revs = TidClock.withRandomClockId(Optional.empty());

    public RepoWrites(Transactions tx, RepoStore repos, SigningKeys keys, Sequencer sequencer, Clock clock) {
        this.tx = tx;
        this.repos = repos;
        this.keys = keys;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /** Applies {@code writes} as one commit; returns it once it is durable. */
    public RepoCommit commit(Did did, List<RepoWrite> writes) {
        return tx.write(() -> {
            RepoRoot root = repos.lockRoot(did).orElseThrow(() -> new IllegalStateException("no repository for " + did));
            Repository repo = Repository.load(repos.blocks(did), root.commit());
            RepoCommit commit = repo.apply(writes, revs.nextAfter(root.rev()), keys.load(did));
            repos.saveCommit(commit, clock.instant());
            Datetime time = Datetime.of(clock.instant());
            sequencer.append(did, seq -> commit.toEvent(seq, time));
            return commit;
        });
    }

    /** A new post with a TID record key. */
    public RepoCommit post(Did did, String text) {
        return commit(did, List.of(new RepoWrite.Create(POST, RecordKey.of(revs.next()), post(text))));
    }

    /** A new record carrying {@code bytes} random-looking bytes (for frames past 64 KiB). */
    public RepoCommit bulk(Did did, int bytes) {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        MapValue record = MapValue.builder().put("$type", BULK.value()).put("data", new BytesValue(data)).build();
        return commit(did, List.of(new RepoWrite.Create(BULK, RecordKey.of(revs.next()), record)));
    }

    public static MapValue post(String text) {
        return MapValue.builder().put("$type", POST.value()).put("text", text)
                .put("createdAt", "2026-05-01T00:00:00.000Z").build();
    }
}
