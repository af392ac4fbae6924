package dev.skein.pds;

import static dev.skein.pds.FirehoseClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.pds.sync.Firehose;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sync endpoints against the official verifiers ({@code interop-node/pds-sync.mjs}), with each DID's key
 * resolved from the PLC directory: {@code @atproto/repo}'s verifyRepoCar on getRepo and verifyProofs on
 * sync.getRecord (presence and absence), and {@code @atproto/sync}'s Firehose, which validates every message and
 * authenticates every commit, on subscribeRepos live and replaying from cursors: every commit exactly once.
 */
@RequiresNode
class PdsSyncNodeInteropTest extends SyncContract {
    private static final long TIMEOUT_MS = 60_000;

    @Autowired
    private Firehose firehose;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
    }

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    private ObjectNode request(String mode) {
        return JSON.createObjectNode().put("mode", mode).put("service", "http://127.0.0.1:" + port).put("plcUrl", TestPlc.url());
    }

    private JsonNode run(ObjectNode request) {
        return JSON.readTree(NodeInterop.runOk("pds-sync.mjs", JSON.writeValueAsString(request)));
    }

    private ObjectNode firehoseRequest(Long cursor, int expectedCreates) {
        ObjectNode r = request("firehose").put("service", "ws://127.0.0.1:" + port)
                .put("expectedCreates", expectedCreates).put("timeoutMs", TIMEOUT_MS);
        return cursor == null ? r.putNull("cursor") : r.put("cursor", cursor);
    }

    /** The commit CIDs of the create events, in order, and the errors the Firehose reported. */
    private static List<String> createdCommits(JsonNode out) {
        assertThat(out.path("errors")).as("the Firehose rejected nothing").isEmpty();
        List<String> commits = new ArrayList<>();
        out.path("events").forEach(e -> {
            if (e.path("event").asString().equals("create")) {
                commits.add(e.path("commit").asString());
            }
        });
        return commits;
    }

    @Test
    void verifyRepoCarAcceptsGetRepoAndVerifyProofsAcceptsGetRecord() {
        Session s = createAccount();
        Map<String, String> records = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            RepoWrites.Written c = post(s, "verified " + i);
            records.put(c.path(), c.cid().toString());
        }
        RepoWrites.Written big = bulk(s, 100_000);
        records.put(big.path(), big.cid().toString());

        JsonNode repo = run(request("repo").put("did", s.did().value()));
        assertThat(repo.path("commit").asString()).isEqualTo(big.commit().toString());
        assertThat(repo.path("rev").asString()).isEqualTo(big.rev().value());
        Map<String, String> verified = new TreeMap<>();
        repo.path("creates").forEach(c -> verified.put(c.path("path").asString(), c.path("cid").asString()));
        assertThat(verified).isEqualTo(records);

        ObjectNode proofs = request("proofs").put("did", s.did().value());
        ArrayNode claims = proofs.putArray("claims");
        records.forEach((path, cid) -> claims.addObject().put("collection", path.substring(0, path.indexOf('/')))
                .put("rkey", path.substring(path.indexOf('/') + 1)).put("cid", cid));
        claims.addObject().put("collection", "app.bsky.feed.post").put("rkey", "3zzzzzzzzzzzz").putNull("cid");
        claims.addObject().put("collection", "app.bsky.feed.like").put("rkey", "3aaaaaaaaaaaa").putNull("cid");
        JsonNode results = run(proofs).path("results");
        assertThat(results).hasSize(records.size() + 2);
        results.forEach(r -> {
            assertThat(r.path("verified").asInt()).as("proven").isEqualTo(1);
            assertThat(r.path("unverified").asInt()).isZero();
        });
    }

    @Test
    void theFirehoseGetsEveryCommitOnceReplayedFromCursorsAndLive() throws Exception {
        long start = lastSeq();
        Session a = createAccount();
        Session b = createAccount();
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commits.add(post(i % 2 == 0 ? a : b, "replayed " + i).commit().toString());
        }
        commits.add(bulk(a, 100_000).commit().toString());
        long middle = lastSeq();
        for (int i = 0; i < 5; i++) {
            commits.add(post(b, "after the middle " + i).commit().toString());
        }

        JsonNode replay = run(firehoseRequest(start, commits.size()));
        assertThat(createdCommits(replay)).as("every commit once, in order").isEqualTo(commits);
        List<String> kinds = new ArrayList<>();
        replay.path("events").forEach(e -> kinds.add(e.path("event").asString()));
        assertThat(kinds).as("account creation events too").contains("identity", "account", "sync");
        assertThat(createdCommits(run(firehoseRequest(middle, 5)))).isEqualTo(commits.subList(commits.size() - 5, commits.size()));

        int listening = firehose.liveConsumers();
        CompletableFuture<JsonNode> live = CompletableFuture.supplyAsync(() -> run(firehoseRequest(null, 12)));
        assertThat(eventually(() -> firehose.liveConsumers() > listening)).as("the Firehose connected").isTrue();
        List<String> liveCommits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            liveCommits.add((i == 6 ? bulk(b, 80_000) : post(i % 2 == 0 ? a : b, "live " + i))
                    .commit().toString());
        }
        assertThat(createdCommits(live.get())).as("live: every commit once, in order").isEqualTo(liveCommits);
    }
}
