package dev.skein.pds.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import dev.skein.pds.store.SqlTimes;
import java.time.Clock;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event log in the {@code repo_seq} table. Each append locks the one row of {@code sequencer_state}
 * until its transaction ends and takes the next number from it, so appends are serialised: seqs commit in
 * order and without gaps (a rolled-back append rolls its number back too, and nobody saw it), and a
 * committed seq is never handed out again, even after its event is purged.
 */
public final class JdbcSequencer implements Sequencer {
    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcSequencer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long append(Did did, LongFunction<? extends FirehoseEvent> build) {
        long seq = jdbc.sql("SELECT last_seq FROM sequencer_state WHERE id = 1 FOR UPDATE").query(Long.class).single() + 1;
        FirehoseEvent event = build.apply(seq);
        jdbc.sql("UPDATE sequencer_state SET last_seq = ? WHERE id = 1").param(seq).update();
        jdbc.sql("INSERT INTO repo_seq (seq, did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?, ?)")
                .param(seq).param(did.value()).param(event.type()).param(event.encode())
                .param(SqlTimes.param(clock.instant())).update();
        return seq;
    }

    @Override
    public void purgeBefore(Did did, long seq) {
        jdbc.sql("DELETE FROM repo_seq WHERE did = ? AND seq < ?").param(did.value()).param(seq).update();
    }
}
