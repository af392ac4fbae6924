package dev.skein.relay.load;

import dev.skein.core.data.MapValue;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.relay.testing.SimAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * An account of the load generator: its commits have 1 to 3 operations, about 65 % creates, 20 % updates and 15 %
 * deletes of its existing records, in two collections; the same seed gives the same commits.
 */
final class LoadAccount {
    private static final Nsid[] COLLECTIONS = {new Nsid("agent.comms.message"), new Nsid("agent.memory.note")};

    private final SimAccount account;
    private final Random random;
    private final List<RepoWrite.Create> records = new ArrayList<>();
    private int edits;

    LoadAccount(SimAccount account, long seed) {
        this.account = account;
        this.random = new Random(seed);
    }

    SimAccount account() {
        return account;
    }

    /** The repository's first commit: empty. */
    RepoCommit first() {
        return account.create(List.of());
    }

    /** The next commit. */
    RepoCommit next() {
        int n = 1 + random.nextInt(3);
        List<RepoWrite> writes = new ArrayList<>(n);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            if (records.size() > 3 && r < 0.35) {
                int at = random.nextInt(records.size());
                RepoWrite.Create existing = records.get(at);
                if (!paths.add(existing.path())) {
                    continue;
                }
                if (r < 0.15) {
                    writes.add(new RepoWrite.Delete(existing.collection(), existing.rkey()));
                    records.remove(at);
                } else {
                    MapValue record = SimAccount.record(existing.collection().value(), "edit " + ++edits);
                    writes.add(new RepoWrite.Update(existing.collection(), existing.rkey(), record));
                    records.set(at, new RepoWrite.Create(existing.collection(), existing.rkey(), record));
                }
            } else {
                Nsid collection = COLLECTIONS[random.nextInt(COLLECTIONS.length)];
                RecordKey rkey = account.nextRecordKey();
                RepoWrite.Create create = new RepoWrite.Create(collection, rkey,
                        SimAccount.record(collection.value(), "message " + rkey.value() + " " + "x".repeat(random.nextInt(200))));
                paths.add(create.path());
                writes.add(create);
                records.add(create);
            }
        }
        if (writes.isEmpty()) {
            return next();
        }
        return account.commit(writes);
    }
}
