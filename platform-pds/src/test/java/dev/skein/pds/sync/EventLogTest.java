package dev.skein.pds.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.pds.PdsProperties;
import dev.skein.pds.store.PdsDatabase;
import dev.skein.pds.store.SqlTimes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The event log's reads and retention on the embedded database: paging, the window's start, pruning in batches. */
class EventLogTest {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final int BATCH = 100;

    @Test
    void pruningDeletesWhatIsOlderThanTheWindowInBatchesAndRemembersWhereItStopped(@TempDir Path dir) {
        try (PdsDatabase db = PdsDatabase.open(PdsProperties.defaults(dir, URI.create("http://127.0.0.1:1")))) {
            db.migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            int total = BATCH * 2 + 50;
            List<Object[]> rows = new ArrayList<>();
            for (long seq = 1; seq <= total; seq++) {
                rows.add(new Object[] {seq, "did:plc:log", "#identity", new byte[] {(byte) seq}, SqlTimes.param(T0.plusSeconds(seq))});
            }
            new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())).executeWithoutResult(status ->
                    new JdbcTemplate(db.dataSource()).batchUpdate(
                            "INSERT INTO repo_seq (seq, did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?, ?)", rows));
            jdbc.sql("UPDATE sequencer_state SET last_seq = ?").param(total).update();
            EventLog log = new EventLog(jdbc, BATCH);

            assertThat(log.lastSeq()).isEqualTo(total);
            assertThat(log.after(10, 3)).extracting(SequencedFrame::seq).containsExactly(11L, 12L, 13L);
            assertThat(log.windowStart(T0.plusSeconds(100).plusMillis(500))).as("before pruning: by time").isEqualTo(100);
            assertThat(log.windowStart(T0)).isZero();

            long cutoff = BATCH * 2L + 7;
            assertThat(log.prune(T0.plusSeconds(cutoff).plusMillis(500))).isEqualTo(cutoff);
            assertThat(log.prunedThrough()).isEqualTo(cutoff);
            assertThat(log.after(0, 1)).extracting(SequencedFrame::seq).containsExactly(cutoff + 1);
            assertThat(log.windowStart(T0)).as("deleted events stay outside the window").isEqualTo(cutoff);
            assertThat(log.prune(T0.plusSeconds(10))).as("nothing older is left").isZero();
            assertThat(log.prunedThrough()).as("never moves back").isEqualTo(cutoff);
            assertThat(log.lastSeq()).as("the counter is apart from the events").isEqualTo(total);
        }
    }
}
