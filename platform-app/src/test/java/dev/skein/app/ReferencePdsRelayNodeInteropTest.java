package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.ReferencePds;
import dev.skein.testsupport.RequiresNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Skein's relay crawls two hosts, Skein's own PDS and the reference TypeScript PDS ({@code @atproto/pds}), and
 * re-serves both correctly: {@code @atproto/sync}'s Firehose verifies every event of both on the relay's
 * subscribeRepos, {@code @skyware/jetstream} gets every record operation of both, and the relay's sync queries
 * agree with each PDS. On each host one account writes records only, the other also changes its handle
 * ({@code #identity}) and is deactivated ({@code #account}).
 *
 * <p>One PLC directory serves the whole network, as the relay resolves every DID through one: the reference one
 * ({@code @did-plc/server}, as {@code @atproto/dev-env} runs it), so Skein's PDS registers its accounts there too.
 */
@RequiresNode
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferencePdsRelayNodeInteropTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "reference-pds-test-admin";
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    ReferencePds reference;
    ConfigurableApplicationContext skein;
    RoleContexts roles;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Per account, as reference-pds-writes.mjs reports it: service, did, ops, latest, status. */
    final List<JsonNode> accounts = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        NodeInterop.requireVersion();
        reference = ReferencePds.start(dir.resolve("reference-pds"), null);
        skein = new SpringApplicationBuilder(SkeinApplication.class).web(WebApplicationType.NONE).run(
                "--server.port=0",
                "--skein.data-dir=" + dir.resolve("skein"),
                "--skein.pds.password-hash-cost=14",
                "--skein.pds.plc-url=" + reference.plc(),
                "--skein.relay.plc-url=" + reference.plc(),
                "--skein.relay.admin-password=" + ADMIN_PASSWORD);
        roles = skein.getBean(RoleContexts.class);

        HttpResponse<String> crawl = post(relay("com.atproto.sync.requestCrawl"),
                "{\"hostname\":\"" + reference.hostname() + "\"}", true);
        assertThat(crawl.statusCode()).as("requestCrawl %s: %s", reference.hostname(), crawl.body()).isEqualTo(200);

        String ours = "http://localhost:" + roles.url(Role.PDS).orElseThrow().getPort();
        ObjectNode input = JSON.createObjectNode();
        ArrayNode list = input.putArray("accounts");
        Map<String, String> prefixes = Map.of(ours, "sk", reference.pds().toString(), "ref");
        for (String service : List.of(ours, reference.pds().toString())) {
            for (String name : List.of("alice", "bob")) {
                String handle = prefixes.get(service) + "-" + name + ".test";
                ObjectNode a = list.addObject().put("service", service).put("handle", handle)
                        .put("email", handle + "@mail.example.com").put("password", "hunter22");
                if (name.equals("bob")) {
                    a.put("newHandle", prefixes.get(service) + "-robert.test");
                }
            }
        }
        JSON.readTree(NodeInterop.runOk("reference-pds-writes.mjs", JSON.writeValueAsString(input)))
                .get("accounts").forEach(accounts::add);
        assertThat(accounts).hasSize(4);
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        while (!relayCaughtUp()) {
            assertThat(System.nanoTime()).as("the relay reaches every account's latest commit in %s", CONVERGE)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() {
        if (skein != null) {
            skein.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    /** Whether the relay's getRepoStatus of every account agrees with the PDS's: active, status and rev. */
    private boolean relayCaughtUp() throws IOException, InterruptedException {
        for (JsonNode a : accounts) {
            HttpResponse<String> r = get(relay("com.atproto.sync.getRepoStatus") + "?did=" + did(a));
            if (r.statusCode() != 200 || !agrees(JSON.readTree(r.body()), a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean agrees(JsonNode relayStatus, JsonNode account) {
        JsonNode pds = account.get("status");
        boolean active = pds.get("active").asBoolean();
        return relayStatus.get("active").asBoolean() == active
                && relayStatus.path("status").asString("").equals(pds.path("status").asString(""))
                && (!active || relayStatus.get("rev").equals(account.get("latest").get("rev")));
    }

    private static boolean deactivated(JsonNode account) {
        return account.get("deactivated").asBoolean();
    }

    @Test
    void theRelayCrawlsBothHosts() throws Exception {
        JsonNode hosts = JSON.readTree(get(relay("com.atproto.sync.listHosts")).body()).get("hosts");
        Map<String, JsonNode> byName = new HashMap<>();
        hosts.forEach(h -> byName.put(h.get("hostname").asString(), h));
        String ours = "localhost:" + roles.url(Role.PDS).orElseThrow().getPort();
        assertThat(byName).containsKeys(ours, reference.hostname());
        for (String name : List.of(ours, reference.hostname())) {
            assertThat(byName.get(name).get("status").asString()).as(name).isEqualTo("active");
            assertThat(byName.get(name).get("accountCount").asLong()).as(name).isEqualTo(2);
        }
    }

    @Test
    void syncQueriesOnTheRelayAgreeWithEachPds() throws Exception {
        Map<String, JsonNode> listed = new HashMap<>();
        JSON.readTree(get(relay("com.atproto.sync.listRepos") + "?limit=1000").body()).get("repos")
                .forEach(r -> listed.put(r.get("did").asString(), r));
        for (JsonNode a : accounts) {
            String did = did(a);
            JsonNode latest = a.get("latest");
            JsonNode pdsStatus = a.get("status");
            assertThat(pdsStatus.get("active").asBoolean()).as("the PDS's own status of %s", did).isEqualTo(!deactivated(a));

            JsonNode status = JSON.readTree(get(relay("com.atproto.sync.getRepoStatus") + "?did=" + did).body());
            assertThat(status.get("active")).as("relay getRepoStatus of %s: %s", did, status).isEqualTo(pdsStatus.get("active"));
            assertThat(status.path("status").asString("")).as("relay getRepoStatus of %s", did)
                    .isEqualTo(pdsStatus.path("status").asString(""));

            JsonNode repo = listed.get(did);
            assertThat(repo).as("listRepos has %s", did).isNotNull();
            assertThat(repo.get("active")).as("listRepos of %s", did).isEqualTo(pdsStatus.get("active"));
            assertThat(repo.get("head")).as("listRepos head of %s", did).isEqualTo(latest.get("cid"));
            assertThat(repo.get("rev")).as("listRepos rev of %s", did).isEqualTo(latest.get("rev"));

            HttpResponse<String> latestCommit = get(relay("com.atproto.sync.getLatestCommit") + "?did=" + did);
            if (deactivated(a)) {
                // 403 as the indigo relay answers (a PDS answers 400 with the same error name).
                assertThat(latestCommit.statusCode()).as("getLatestCommit of deactivated %s", did).isEqualTo(403);
                assertThat(JSON.readTree(latestCommit.body()).get("error").asString()).isEqualTo("RepoDeactivated");
            } else {
                JsonNode relayLatest = JSON.readTree(latestCommit.body());
                assertThat(relayLatest.get("cid")).as("getLatestCommit cid of %s", did).isEqualTo(latest.get("cid"));
                assertThat(relayLatest.get("rev")).as("getLatestCommit rev of %s", did).isEqualTo(latest.get("rev"));
                assertThat(status.get("rev")).as("getRepoStatus rev of %s", did).isEqualTo(latest.get("rev"));
            }
        }
    }

    @Test
    void atprotoSyncFirehoseVerifiesEveryEventOfBothHosts() throws Exception {
        List<String> ops = allOps();
        // Per account: #identity, #account and #sync (of the empty first commit) on creation, both PDSes alike, then
        // one event per record operation; a deactivated account's handle change and deactivation add one #identity
        // and one #account.
        int changed = (int) accounts.stream().filter(ReferencePdsRelayNodeInteropTest::deactivated).count();
        int expected = ops.size() + 3 * accounts.size() + 2 * changed;
        JsonNode out = JSON.readTree(NodeInterop.runOk("relay-firehose.mjs", null,
                relayWs(), reference.plc().toString(), String.valueOf(expected), "60000"));
        assertThat(out.get("errors")).as("Firehose errors").isEmpty();
        List<String> seen = new ArrayList<>();
        Map<String, Integer> identity = new TreeMap<>();
        Map<String, Integer> account = new TreeMap<>();
        Map<String, Integer> sync = new TreeMap<>();
        for (JsonNode e : out.get("events")) {
            String did = e.get("did").asString();
            switch (e.get("event").asString()) {
                case "identity" -> identity.merge(did, 1, Integer::sum);
                case "account" -> account.merge(did, 1, Integer::sum);
                case "sync" -> sync.merge(did, 1, Integer::sum);
                default -> seen.add(did + " " + e.get("collection").asString() + " " + e.get("rkey").asString() + " "
                        + e.get("event").asString());
            }
        }
        assertThat(byAccount(seen)).as("every op of both hosts once, each account's in order").isEqualTo(byAccount(ops));
        Map<String, Integer> once = new TreeMap<>();
        Map<String, Integer> onceMore = new TreeMap<>();
        accounts.forEach(a -> {
            once.put(did(a), 1);
            onceMore.put(did(a), deactivated(a) ? 2 : 1);
        });
        assertThat(identity).as("#identity per account").isEqualTo(onceMore);
        assertThat(account).as("#account per account").isEqualTo(onceMore);
        assertThat(sync).as("#sync per account").isEqualTo(once);
    }

    @Test
    void jetstreamHasEveryRecordOperationOfBothHosts() throws Exception {
        List<String> ops = allOps();
        JsonNode out = JSON.readTree(NodeInterop.runOk("relay-jetstream.mjs", null,
                "skyware", relayWs(), "app.bsky.feed.post,app.bsky.actor.profile", "-", String.valueOf(ops.size()), "60000"));
        assertThat(out.get("errors")).isEmpty();
        List<String> commits = new ArrayList<>();
        for (JsonNode e : out.get("events")) {
            if (e.get("kind").asString().equals("commit")) {
                JsonNode c = e.get("commit");
                commits.add(e.get("did").asString() + " " + c.get("collection").asString() + " " + c.get("rkey").asString()
                        + " " + c.get("operation").asString());
            }
        }
        assertThat(byAccount(commits)).isEqualTo(byAccount(ops));
    }

    private List<String> allOps() {
        List<String> ops = new ArrayList<>();
        accounts.forEach(a -> a.get("ops").forEach(o -> ops.add(o.asString())));
        return ops;
    }

    /** Lines "did ..." grouped by account: the relay keeps each account's order, not the order across accounts. */
    private static Map<String, List<String>> byAccount(List<String> lines) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines) {
            out.computeIfAbsent(line.substring(0, line.indexOf(' ')), k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    /** The account's DID, which is also safe as a query parameter as it is (did:plc: and base32). */
    private static String did(JsonNode account) {
        return account.get("did").asString();
    }

    private String relay(String nsid) {
        return roles.url(Role.RELAY).orElseThrow() + "/xrpc/" + nsid;
    }

    private String relayWs() {
        return "ws://localhost:" + roles.url(Role.RELAY).orElseThrow().getPort();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (admin) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
