package dev.skein.relay.sequencer;

import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.cid.Cid;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.Commit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.store.AccountCheckpoint;
import dev.skein.relay.store.EventKind;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.LoggedEvent;
import dev.skein.relay.store.RelayDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Account states the sequencer has not written yet because only their last commit changed.
 *
 * <p>Most events change an account only in its last commit (rev, MST root, commit CID), and that is in the event
 * itself. Updating the account's row in every batch is what made the sequencer slow: an account row is rewritten
 * (a B-tree page copied) for each commit. So such states wait here and are written at a checkpoint, at most every
 * {@link #INTERVAL_MS} or {@link #MAX_PENDING} states, with the checkpoint's seq ({@link AccountCheckpoint}) in the
 * same transaction; any other change of an account is written with its event, as before, and replaces what waits.
 * Nothing acknowledged is lost in a crash: on start, {@link #recover} reads the events logged after the checkpoint
 * and writes the last commit they carry into the account rows before anything reads them.
 *
 * <p>Used by the sequencer's thread only.
 */
final class DeferredAccounts {
    static final long INTERVAL_MS = 5_000;
    static final int MAX_PENDING = 50_000;
    /** Events read from the log per query during recovery. */
    private static final int PAGE = 1_000;

    private final Map<Did, AccountState> pending = new LinkedHashMap<>();
    private long checkpointSeq;
    private long lastCheckpoint = System.nanoTime();

    DeferredAccounts(long checkpointSeq) {
        this.checkpointSeq = checkpointSeq;
    }

    /** Keeps a state to write at the next checkpoint. */
    void defer(AccountState state) {
        pending.put(state.did(), state);
    }

    /** The account's state is written now, with all it holds: what waited is superseded. */
    void written(Did did) {
        pending.remove(did);
    }

    /** Whether the batch that ends at {@code lastSeq} should be a checkpoint. */
    boolean due(long lastSeq, boolean closing) {
        if (pending.isEmpty() && lastSeq == checkpointSeq) {
            return false;
        }
        return closing || pending.size() >= MAX_PENDING
                || System.nanoTime() - lastCheckpoint >= TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);
    }

    /** Takes what waits, for a checkpoint through {@code seq}; call {@link #checkpointed} once it committed. */
    List<AccountState> take() {
        List<AccountState> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    void checkpointed(long seq) {
        checkpointSeq = seq;
        lastCheckpoint = System.nanoTime();
    }

    int size() {
        return pending.size();
    }

    /**
     * Writes into the account rows the last commits of {@code #commit} and {@code #sync} events logged after the
     * checkpoint, then moves the checkpoint to the log's end. Returns how many accounts it updated.
     */
    static int recover(RelayDatabase db, EventLog log, JdbcAccountStore accounts, AccountCheckpoint checkpoint) {
        long through = checkpoint.seq();
        long end = log.maxSeq().orElse(0);
        if (end <= through) {
            return 0;
        }
        Map<Did, Head> heads = new LinkedHashMap<>();
        long after = through;
        while (true) {
            List<LoggedEvent> page = log.range(after, end, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (LoggedEvent e : page) {
                if (e.kind() == EventKind.COMMIT || e.kind() == EventKind.SYNC) {
                    Head h = head(e);
                    heads.put(h.did(), h);
                }
            }
            after = page.getLast().seq();
        }
        int[] updated = {0};
        db.tx().executeWithoutResult(status -> {
            List<AccountState> states = new ArrayList<>();
            for (Head h : heads.values()) {
                Optional<AccountState> row = accounts.find(h.did());
                // Heads only move forward: a row written after the event (with a full state) is at least as new.
                if (row.isPresent() && (!row.get().hasCommit() || h.rev().compareTo(row.get().rev()) > 0)) {
                    states.add(row.get().withCommit(h.rev(), h.data(), h.commit()));
                }
            }
            accounts.save(states);
            checkpoint.set(end);
            updated[0] = states.size();
        });
        return updated[0];
    }

    private record Head(Did did, Tid rev, Cid data, Cid commit) {}

    /** The last commit a logged {@code #commit} or {@code #sync} carries; its frame was verified before it was logged. */
    private static Head head(LoggedEvent e) {
        return switch (FirehoseFrame.decode(e.frame())) {
            case CommitEvent c -> new Head(c.repo(), c.rev(), data(car(c.blocks()), c.commit()), c.commit());
            case SyncEvent s -> {
                CarContents car = car(s.blocks());
                yield new Head(s.did(), s.rev(), data(car, car.root()), car.root());
            }
            default -> throw new IllegalStateException("event " + e.seq() + " is logged as " + e.kind());
        };
    }

    private static CarContents car(byte[] blocks) {
        return CarReader.readAll(blocks, CarLimits.COMMIT_SLICE, CidVerification.VERIFY);
    }

    private static Cid data(CarContents car, Cid commit) {
        return Commit.fromBytes(car.get(commit)).data();
    }
}
