package dev.skein.pds.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.store.PdsDatabase;
import dev.skein.pds.store.Transactions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The event log on the embedded database: numbering under concurrent writers, rollback, purge, restart. */
class JdbcSequencerTest {

    private static IdentityEvent identity(long seq, Did did) {
        return new IdentityEvent(seq, did, Datetime.parse("2026-01-01T00:00:00Z"), Handle.parse("a.test"));
    }

    @Test
    void concurrentWritersGetDistinctSeqsAndRollbacksAndPurgesLeaveNoReusedNumber(@TempDir Path dir) throws Exception {
        PdsProperties props = PdsProperties.defaults(dir, URI.create("http://127.0.0.1:1"));
        try (PdsDatabase db = PdsDatabase.open(props)) {
            db.migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            Transactions tx = new Transactions(new DataSourceTransactionManager(db.dataSource()), jdbc, db.vendor());
            Sequencer seq = new JdbcSequencer(db.dataSource(), Clock.systemUTC());
            Did did = Did.parse("did:plc:concurrent");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> tx.write(() -> seq.append(did, s -> identity(s, did)))));
            }
            List<Long> got = new ArrayList<>();
            for (Future<Long> f : results) {
                got.add(f.get());
            }
            pool.shutdown();
            assertThat(got).doesNotHaveDuplicates().hasSize(40);
            try {
                tx.write(() -> {
                    seq.append(did, s -> identity(s, did));
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the event must not stay
            }
            List<Long> stored = jdbc.sql("SELECT seq FROM repo_seq ORDER BY seq").query(Long.class).list();
            assertThat(stored).containsExactlyElementsOf(got.stream().sorted().toList());
            for (byte[] frame : jdbc.sql("SELECT event FROM repo_seq ORDER BY seq").query(byte[].class).list()) {
                IdentityEvent e = (IdentityEvent) FirehoseFrame.decode(frame);
                assertThat(stored).contains(e.seq());
            }
            long next = tx.write(() -> seq.append(did, s -> identity(s, did)));
            assertThat(next).as("a rolled-back append takes no number: none was ever seen").isEqualTo(41);
            tx.write(() -> seq.purgeBefore(did, next));
            assertThat(jdbc.sql("SELECT seq FROM repo_seq").query(Long.class).list()).containsExactly(next);
        }
        try (PdsDatabase reopened = PdsDatabase.open(props)) {
            reopened.migrate();
            JdbcClient jdbc = JdbcClient.create(reopened.dataSource());
            Transactions tx = new Transactions(new DataSourceTransactionManager(reopened.dataSource()), jdbc, reopened.vendor());
            Did did = Did.parse("did:plc:after");
            long afterRestart = tx.write(() -> new JdbcSequencer(reopened.dataSource(), Clock.systemUTC()).append(did, s -> identity(s, did)));
            assertThat(afterRestart).as("purged numbers are not handed out again, across restarts").isEqualTo(42);
        }
    }

    @Test
    void theLiveFeedHearsOfAnAppendOnlyOnceItsTransactionCommitted(@TempDir Path dir) {
        PdsProperties props = PdsProperties.defaults(dir, URI.create("http://127.0.0.1:1"));
        try (PdsDatabase db = PdsDatabase.open(props)) {
            db.migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            Transactions tx = new Transactions(new DataSourceTransactionManager(db.dataSource()), jdbc, db.vendor());
            List<Long> heard = new CopyOnWriteArrayList<>();
            Sequencer seq = new JdbcSequencer(db.dataSource(), Clock.systemUTC(), heard::add);
            Did did = Did.parse("did:plc:committed");
            tx.write(() -> {
                seq.append(did, s -> identity(s, did));
                seq.append(did, s -> identity(s, did));
                assertThat(heard).as("nothing before the commit").isEmpty();
                return null;
            });
            assertThat(heard).containsExactly(1L, 2L);
            try {
                tx.write(() -> {
                    seq.append(did, s -> identity(s, did));
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // nobody may hear of it
            }
            assertThat(heard).as("a rolled-back append is not announced").containsExactly(1L, 2L);
            seq.append(did, s -> identity(s, did));
            assertThat(heard).as("outside a transaction, at once").containsExactly(1L, 2L, 3L);
        }
    }
}
