package dev.skein.relay.web;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.FakePlcServer;
import dev.skein.relay.testing.RelayApp;
import dev.skein.relay.testing.SimAccount;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real clients against the relay: {@code @atproto/sync}'s Firehose (lexicon validation, signatures and proofs, keys
 * from a PLC directory) on subscribeRepos, and {@code @skyware/jetstream} and {@code @atcute/jetstream} on the
 * Jetstream stream with collection (prefix) and DID filters. The relay itself resolves DIDs from the same PLC
 * directory over HTTP.
 */
@RequiresNode
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayNodeInteropTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    FakePds pds;
    FakePlcServer plc;
    RelayApp.Running app;
    SimAccount alice;
    SimAccount bob;
    /** What a consumer must see: "did collection rkey op" per record operation. */
    final List<String> ops = new ArrayList<>();

    @BeforeAll
    void start() {
        NodeInterop.requireVersion();
        pds = new FakePds();
        plc = new FakePlcServer();
        alice = new SimAccount("alice", pds.url(), Curve.K256);
        bob = new SimAccount("bob", pds.url(), Curve.P256);
        plc.put(alice.document());
        plc.put(bob.document());
        for (SimAccount a : List.of(alice, bob)) {
            pds.add(seq -> new IdentityEvent(seq, a.did(), TIME, new Handle(a.handle())));
            pds.add(seq -> new AccountEvent(seq, a.did(), TIME, true, null));
            RepoCommit first = a.create(List.of());
            pds.add(seq -> first.toEvent(seq, TIME));
            pds.add(seq -> first.toSyncEvent(seq, TIME));
        }
        for (int i = 0; i < 8; i++) {
            SimAccount a = i % 2 == 0 ? alice : bob;
            commit(a, a.posts(i % 3 == 0 ? "app.bsky.feed.post" : "agent.comms.message", 2));
        }
        String path = alice.repo().tree().list(null, null, 1, false).getFirst().key();
        Nsid collection = new Nsid(path.substring(0, path.indexOf('/')));
        RecordKey rkey = new RecordKey(path.substring(path.indexOf('/') + 1));
        commit(alice, List.of(new RepoWrite.Update(collection, rkey, SimAccount.record(collection.value(), "edited"))));
        commit(alice, List.of(new RepoWrite.Delete(collection, rkey)));
        int frames = pds.frameCount();
        app = RelayApp.start(dir, null, List.of(pds.host()), "skein.relay.plc-url=" + plc.url());
        assertThat(eventually(() -> app.relay().log().count() == frames)).isTrue();
    }

    private void commit(SimAccount a, List<RepoWrite> writes) {
        RepoCommit c = a.commit(writes);
        pds.add(seq -> c.toEvent(seq, TIME));
        for (RepoOp op : c.ops()) {
            ops.add(a.did().value() + " " + op.collection().value() + " " + op.rkey().value() + " " + op.action().wire());
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (pds != null) {
            pds.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    @Test
    void atprotoSyncFirehoseVerifiesEveryEvent() throws Exception {
        // 2 accounts x (#identity, #account, #sync) plus every record op; the empty first commits carry no op.
        int expected = 6 + ops.size();
        JsonNode out = JSON.readTree(NodeInterop.runOk("relay-firehose.mjs", null,
                app.ws(), plc.url(), String.valueOf(expected), "30000"));
        assertThat(out.get("errors")).as("Firehose errors").isEmpty();
        List<String> seen = new ArrayList<>();
        Set<Long> seqs = new HashSet<>();
        int identity = 0;
        int account = 0;
        int sync = 0;
        for (JsonNode e : out.get("events")) {
            seqs.add(e.get("seq").asLong());
            switch (e.get("event").asString()) {
                case "identity" -> identity++;
                case "account" -> account++;
                case "sync" -> sync++;
                default -> seen.add(e.get("did").asString() + " " + e.get("collection").asString() + " "
                        + e.get("rkey").asString() + " " + e.get("event").asString());
            }
        }
        assertThat(byAccount(seen)).as("every op once, each account's in order").isEqualTo(byAccount(ops));
        assertThat(List.of(identity, account, sync)).containsExactly(2, 2, 2);
    }

    @Test
    void skywareJetstreamGetsTheFilteredEvents() throws Exception {
        List<String> wanted = ops.stream().filter(o -> o.contains(" agent.comms.")).toList();
        int expected = wanted.size() + 4;
        JsonNode out = JSON.readTree(NodeInterop.runOk("relay-jetstream.mjs", null,
                "skyware", app.ws(), "agent.comms.*", "-", String.valueOf(expected), "20000"));
        assertThat(out.get("errors")).isEmpty();
        assertThat(byAccount(commits(out))).isEqualTo(byAccount(wanted));
        assertThat(kinds(out, "identity")).isEqualTo(2);
        assertThat(kinds(out, "account")).isEqualTo(2);
    }

    @Test
    void atcuteJetstreamValidatesAndGetsOneAccountsEvents() throws Exception {
        List<String> wanted = ops.stream().filter(o -> o.startsWith(alice.did().value())).toList();
        int expected = wanted.size() + 2;
        JsonNode out = JSON.readTree(NodeInterop.runOk("relay-jetstream.mjs", null,
                "atcute", app.ws(), "-", alice.did().value(), String.valueOf(expected), "20000"));
        assertThat(out.get("errors")).as("@atcute/jetstream schema errors").isEmpty();
        assertThat(commits(out)).isEqualTo(wanted);
        assertThat(kinds(out, "identity")).isEqualTo(1);
        assertThat(kinds(out, "account")).isEqualTo(1);
    }

    /**
     * "did collection rkey op" lines grouped by account: the relay verifies accounts in parallel, so it keeps each
     * account's order, not the order across accounts.
     */
    private static java.util.Map<String, List<String>> byAccount(List<String> lines) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String line : lines) {
            out.computeIfAbsent(line.substring(0, line.indexOf(' ')), k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    private static List<String> commits(JsonNode out) {
        List<String> list = new ArrayList<>();
        for (JsonNode e : out.get("events")) {
            if (e.get("kind").asString().equals("commit")) {
                JsonNode c = e.get("commit");
                list.add(e.get("did").asString() + " " + c.get("collection").asString() + " " + c.get("rkey").asString() + " "
                        + c.get("operation").asString());
            }
        }
        return list;
    }

    private static int kinds(JsonNode out, String kind) {
        int n = 0;
        for (JsonNode e : out.get("events")) {
            if (e.get("kind").asString().equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
