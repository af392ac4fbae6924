package dev.skein.relay.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.syntax.Datetime;
import dev.skein.relay.testing.SimAccount;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replacing the seq in an upstream frame gives byte for byte what encoding the event under the new seq gives. */
class UpstreamFrameTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");
    /** Each size class of a DRISL unsigned integer, at both of its ends, up to the largest seq (2^53 - 1). */
    static final long[] SEQS = {1, 23, 24, 255, 256, 65_535, 65_536, 4_294_967_295L, 4_294_967_296L, (1L << 53) - 1};

    private static List<FirehoseEvent> events() {
        SimAccount a = new SimAccount("splice", "https://pds.test", Curve.K256);
        List<FirehoseEvent> out = new ArrayList<>();
        RepoCommit first = a.create(List.of());
        out.add(first.toEvent(1, TIME));
        List<RepoWrite> creates = a.posts("agent.comms.message", 3);
        RepoCommit c1 = a.commit(creates);
        out.add(c1.toEvent(1, TIME));
        RepoWrite.Create one = (RepoWrite.Create) creates.get(0);
        RepoWrite.Create two = (RepoWrite.Create) creates.get(1);
        RepoCommit c2 = a.commit(List.of(
                new RepoWrite.Update(one.collection(), one.rkey(), SimAccount.record("agent.comms.message", "edited")),
                new RepoWrite.Delete(two.collection(), two.rkey())));
        out.add(c2.toEvent(1, TIME));
        out.add(c2.toSyncEvent(1, TIME));
        return out;
    }

    private static FirehoseEvent withSeq(FirehoseEvent e, long seq) {
        return switch (e) {
            case CommitEvent c -> new CommitEvent(seq, c.rebase(), c.tooBig(), c.repo(), c.commit(), c.rev(), c.since(),
                    c.blocks(), c.ops(), c.blobs(), c.prevData(), c.time());
            case SyncEvent s -> new SyncEvent(seq, s.did(), s.blocks(), s.rev(), s.time());
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void theSplicedFrameIsTheEncodedEventUnderTheNewSeq() {
        int checked = 0;
        for (FirehoseEvent e : events()) {
            for (long upstream : SEQS) {
                byte[] frame = withSeq(e, upstream).encode();
                FirehoseEvent decoded = (FirehoseEvent) FirehoseFrame.decode(frame);
                UpstreamFrame located = UpstreamFrame.locate(frame, decoded);
                assertThat(located).as(e.type() + " at seq " + upstream).isNotNull();
                for (long relay : SEQS) {
                    assertThat(located.withSeq(relay)).isEqualTo(withSeq(e, relay).encode());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(4 * SEQS.length * SEQS.length);
    }

    private static byte[] frame(String type, MapValue body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(MapValue.builder().put("t", type).put("op", 1).build(), out);
        Drisl.encode(body, out);
        return out.toByteArray();
    }

    private static MapValue plus(MapValue body, String key, DataValue value) {
        Map<String, DataValue> m = new LinkedHashMap<>(body.toMap());
        m.put(key, value);
        return MapValue.of(m);
    }

    @Test
    void aFrameWithFieldsTheLexiconDoesNotHaveIsEncodedAgain() {
        List<FirehoseEvent> events = events();
        CommitEvent commit = (CommitEvent) events.get(2);
        byte[] extraField = frame(CommitEvent.TYPE, plus(commit.body(), "zzNew", new StringValue("x")));
        assertThat(UpstreamFrame.locate(extraField, (FirehoseEvent) FirehoseFrame.decode(extraField))).isNull();

        List<DataValue> ops = new ArrayList<>();
        for (var op : commit.ops()) {
            ops.add(plus(op.toValue(), "extra", new StringValue("y")));
        }
        byte[] extraOpField = frame(CommitEvent.TYPE, plus(commit.body(), "ops", new ArrayValue(ops)));
        assertThat(FirehoseFrame.decode(extraOpField)).isEqualTo(commit);
        assertThat(UpstreamFrame.locate(extraOpField, commit)).isNull();

        SyncEvent sync = (SyncEvent) events.get(3);
        byte[] extraSync = frame(SyncEvent.TYPE, plus(sync.body(), "extra", new StringValue("z")));
        assertThat(UpstreamFrame.locate(extraSync, (FirehoseEvent) FirehoseFrame.decode(extraSync))).isNull();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(MapValue.builder().put("t", CommitEvent.TYPE).put("op", 1).put("x", 1).build(), out);
        Drisl.encode(commit.body(), out);
        assertThat(UpstreamFrame.locate(out.toByteArray(), commit)).as("a header with more than op and t").isNull();
    }

    @Test
    void onlyCommitsAndSyncsAreSpliced() {
        IdentityEvent identity = new IdentityEvent(5, new SimAccount("i", "https://pds.test", Curve.K256).did(), TIME, null);
        assertThat(UpstreamFrame.locate(identity.encode(), identity)).isNull();
    }
}
