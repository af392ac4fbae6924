package dev.skein.pds.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event log in the {@code repo_seq} table. Each append advances the one row of {@code sequencer_state} by
 * its number of events, which locks the row until its transaction ends, so appends are serialised: seqs commit in
 * order and without gaps (a rolled-back append rolls its number back too, and nobody saw it), and a
 * committed seq is never handed out again, even after its event is purged.
 *
 * <p>Once the transaction of an append has committed, its last seq is handed to {@code committed} (the live
 * feed of {@code subscribeRepos} reads the new events then); an append outside a transaction is committed
 * at once, and holds no lock between its statements, so such appends must not run concurrently.
 */
public final class JdbcSequencer implements Sequencer {
    private static final String INSERT = "INSERT INTO repo_seq (seq, did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final LongConsumer committed;

    public JdbcSequencer(DataSource dataSource, Clock clock) {
        this(dataSource, clock, seq -> { });
    }

    /** @param committed told the last seq of each append once its transaction has committed */
    public JdbcSequencer(DataSource dataSource, Clock clock, LongConsumer committed) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.committed = committed;
    }

    @Override
    public long append(Did did, LongFunction<? extends FirehoseEvent> build) {
        return appendAll(did, List.of(build));
    }

    @Override
    public long appendAll(Did did, List<? extends LongFunction<? extends FirehoseEvent>> builds) {
        if (builds.isEmpty()) {
            throw new IllegalArgumentException("no events to append");
        }
        // The update takes the row's lock and the numbers at once; the select then reads them back (a
        // transaction sees its own update). Both statements stay in H2's statement cache, which never keeps a
        // SELECT ... FOR UPDATE, so they are not parsed again for every append.
        jdbc.sql("UPDATE sequencer_state SET last_seq = last_seq + ? WHERE id = 1").param(builds.size()).update();
        long last = jdbc.sql("SELECT last_seq FROM sequencer_state WHERE id = 1").query(Long.class).single();
        OffsetDateTime at = SqlTimes.param(clock.instant());
        List<Object[]> rows = new ArrayList<>(builds.size());
        long seq = last - builds.size();
        for (LongFunction<? extends FirehoseEvent> build : builds) {
            FirehoseEvent event = build.apply(++seq);
            rows.add(new Object[] {seq, did.value(), event.type(), event.encode(), at});
        }
        if (rows.size() == 1) {
            batch.update(INSERT, rows.getFirst());
        } else {
            batch.batchUpdate(INSERT, rows);
        }
        afterCommit(last);
        return last;
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
