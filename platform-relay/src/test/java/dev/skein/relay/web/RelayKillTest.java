package dev.skein.relay.web;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.FakePlcServer;
import dev.skein.relay.testing.RelayProcessMain;
import dev.skein.relay.testing.SimAccount;
import io.netty.buffer.ByteBufUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * The relay killed with SIGKILL mid-stream and started again on the same data: a consumer that resumes from the
 * last seq it saw gets every commit of the PDS exactly once, with relay seqs that go on without a gap.
 */
class RelayKillTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");

    @TempDir
    Path dir;

    @Test
    void consumersResumeWithoutAGapAfterTheRelayIsKilled() throws Exception {
        try (FakePds pds = new FakePds(); FakePlcServer plc = new FakePlcServer()) {
            SimAccount alice = new SimAccount("alice", pds.url(), Curve.K256);
            plc.put(alice.document());
            List<String> expected = new ArrayList<>();
            RepoCommit first = alice.create(List.of());
            pds.add(seq -> first.toEvent(seq, TIME));
            expected.add(first.commit().rev().value());
            for (int i = 0; i < 150; i++) {
                expected.add(commit(pds, alice));
            }
            int port = freePort();
            List<Long> seqs = new CopyOnWriteArrayList<>();
            List<String> revs = new CopyOnWriteArrayList<>();

            Process relay = startRelay(plc.url(), pds.host(), port);
            Disposable consumer = consume(port, 0, seqs, revs);
            assertThat(eventually(() -> seqs.size() >= 40)).as("the consumer is reading").isTrue();
            Thread adder = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 100; i++) {
                    expected.add(commit(pds, alice));
                }
            });
            relay.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            consumer.dispose();
            adder.join();

            relay = startRelay(plc.url(), pds.host(), port);
            try {
                long cursor = seqs.getLast();
                Disposable again = consume(port, cursor, seqs, revs);
                assertThat(eventually(() -> revs.size() >= expected.size())).as("received " + revs.size()).isTrue();
                again.dispose();
                assertThat(revs).as("every commit once, in order").isEqualTo(expected);
                List<Long> contiguous = new ArrayList<>();
                for (long s = 1; s <= seqs.size(); s++) {
                    contiguous.add(s);
                }
                assertThat(seqs).as("relay seqs without gap or repeat").isEqualTo(contiguous);
            } finally {
                relay.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static String commit(FakePds pds, SimAccount a) {
        RepoCommit c = a.commit(a.posts("agent.comms.message", 1));
        pds.add(seq -> c.toEvent(seq, TIME));
        return c.commit().rev().value();
    }

    private Process startRelay(String plcUrl, String host, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RelayProcessMain.class.getName(),
                dir.toString(), plcUrl, host, String.valueOf(port)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // the child's log goes by; only READY matters
        }
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // drain, so the child never blocks on a full pipe
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        assertThat(line).as("the relay process started").isEqualTo("READY");
        return p;
    }

    private static Disposable consume(int port, long cursor, List<Long> seqs, List<String> revs) {
        return HttpClient.create().websocket(WebsocketClientSpec.builder().maxFramePayloadLength(5_000_000).build())
                .uri("ws://localhost:" + port + "/xrpc/com.atproto.sync.subscribeRepos?cursor=" + cursor)
                .handle((in, out) -> in.aggregateFrames(5_000_000).receiveFrames().map(f -> ByteBufUtil.getBytes(f.content())))
                .subscribe(bytes -> {
                    FirehoseEvent e = (FirehoseEvent) FirehoseFrame.decode(bytes);
                    if (e instanceof CommitEvent c) {
                        seqs.add(c.seq());
                        revs.add(c.rev().value());
                    }
                }, err -> { });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
