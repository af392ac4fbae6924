package dev.skein.pds.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Clock;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event log in the {@code repo_seq} table. Each append locks the one row of {@code sequencer_state}
 * until its transaction ends and takes the next number from it, so appends are serialised: seqs commit in
 * order and without gaps (a rolled-back append rolls its number back too, and nobody saw it), and a
 * committed seq is never handed out again, even after its event is purged.
 *
 * <p>Once the transaction of an append has committed, the seq is handed to {@code committed} (the live
 * feed of {@code subscribeRepos} reads the new events then); an append outside a transaction is committed
 * at once.
 */
public final class JdbcSequencer implements Sequencer {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LongConsumer committed;

    public JdbcSequencer(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, seq -> { });
    }

    /** @param committed told the seq of each append once its transaction has committed */
    public JdbcSequencer(JdbcClient jdbc, Clock clock, LongConsumer committed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.committed = committed;
    }

    @Override
    public long append(Did did, LongFunction<? extends FirehoseEvent> build) {
        long seq = jdbc.sql("SELECT last_seq FROM sequencer_state WHERE id = 1 FOR UPDATE").query(Long.class).single() + 1;
        FirehoseEvent event = build.apply(seq);
        jdbc.sql("UPDATE sequencer_state SET last_seq = ? WHERE id = 1").param(seq).update();
        jdbc.sql("INSERT INTO repo_seq (seq, did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?, ?)")
                .param(seq).param(did.value()).param(event.type()).param(event.encode())
                .param(SqlTimes.param(clock.instant())).update();
        afterCommit(seq);
        return seq;
    }

    private void afterCommit(long seq) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.accept(seq);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.accept(seq);
            }
        });
    }

    @Override
    public void purgeBefore(Did did, long seq) {
        jdbc.sql("DELETE FROM repo_seq WHERE did = ? AND seq < ?").param(did.value()).param(seq).update();
    }
}
