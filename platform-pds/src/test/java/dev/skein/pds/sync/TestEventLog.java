package dev.skein.pds.sync;

import dev.skein.pds.PdsProperties;
import dev.skein.pds.store.PdsDatabase;
import dev.skein.pds.store.SqlTimes;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real event log on an embedded database in {@code dir}, for tests of what reads it (the live tail, a
 * consumer's outbox): events are written straight to the log, each frame the event's seq as 8 bytes.
 */
final class TestEventLog implements AutoCloseable {
    private final PdsDatabase db;
    private final JdbcClient jdbc;
    private final EventLog log;

    TestEventLog(Path dir) {
        db = PdsDatabase.open(PdsProperties.defaults(dir, URI.create("http://127.0.0.1:1")));
        db.migrate();
        jdbc = JdbcClient.create(db.dataSource());
        log = new EventLog(jdbc);
    }

    EventLog log() {
        return log;
    }

    /** Commits event {@code seq} to the log and makes it the sequencer's last, telling no tail. */
    void commit(long seq) {
        jdbc.sql("INSERT INTO repo_seq (seq, did, event_type, event, sequenced_at) VALUES (?, 'did:plc:x', '#identity', ?, ?)")
                .param(seq).param(ByteBuffer.allocate(8).putLong(seq).array()).param(SqlTimes.param(Instant.now())).update();
        jdbc.sql("UPDATE sequencer_state SET last_seq = ?").param(seq).update();
    }

    @Override
    public void close() {
        db.close();
    }
}
