package dev.skein.relay.web;

import static dev.skein.relay.testing.TestRelays.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Handle;
import dev.skein.relay.sequencer.RetentionJob;
import dev.skein.relay.store.AccountCheckpoint;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.FakePds;
import dev.skein.relay.testing.RelayApp;
import dev.skein.relay.testing.SimAccount;
import dev.skein.relay.testing.WsClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The relay's HTTP front over a real server: subscribeRepos, the Jetstream stream and the XRPC methods. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ServingTest {
    static final Datetime TIME = new Datetime("2026-05-01T00:00:00.000Z");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    FakePds pds;
    RelayApp.Running app;
    SimAccount alice;
    SimAccount bob;

    @BeforeAll
    void start() {
        pds = new FakePds();
        FakeDidResolver plc = new FakeDidResolver();
        alice = new SimAccount("alice", pds.url(), Curve.K256);
        bob = new SimAccount("bob", pds.url(), Curve.P256);
        plc.put(alice.document());
        plc.put(bob.document());
        for (SimAccount a : List.of(alice, bob)) {
            pds.add(seq -> new IdentityEvent(seq, a.did(), TIME, new Handle(a.handle())));
            pds.add(seq -> new AccountEvent(seq, a.did(), TIME, true, null));
            RepoCommit first = a.create(List.of());
            pds.add(seq -> first.toEvent(seq, TIME));
        }
        for (int i = 0; i < 6; i++) {
            SimAccount a = i % 2 == 0 ? alice : bob;
            RepoCommit c = a.commit(i < 3 ? a.posts("agent.comms.message", 2) : a.posts("app.bsky.feed.post", 1));
            pds.add(seq -> c.toEvent(seq, TIME));
        }
        int frames = pds.frameCount();
        app = RelayApp.start(dir, plc, List.of(pds.host()));
        assertThat(eventually(() -> app.relay().log().count() == frames)).isTrue();
    }

    @AfterAll
    void stop() {
        app.close();
        pds.close();
    }

    private String subscribeRepos(String query) {
        return app.ws() + "/xrpc/com.atproto.sync.subscribeRepos" + query;
    }

    private long head() {
        return app.relay().log().maxSeq().orElseThrow();
    }

    @Test
    void subscribeReposReplaysAfterTheCursor() {
        long total = head();
        List<byte[]> frames = WsClient.binary(subscribeRepos("?cursor=4"), (int) total - 4, WAIT);
        assertThat(frames).hasSize((int) total - 4);
        List<Long> seqs = new ArrayList<>();
        for (byte[] f : frames) {
            seqs.add(seq((FirehoseEvent) FirehoseFrame.decode(f)));
        }
        assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(5, total).boxed().toList());
        assertThat(WsClient.binary(subscribeRepos("?cursor=0"), (int) total, WAIT)).hasSize((int) total);
    }

    @Test
    void aCursorInTheFutureGetsAnErrorFrame() {
        List<byte[]> frames = WsClient.binary(subscribeRepos("?cursor=" + (head() + 100)), 10, WAIT);
        assertThat(frames).hasSize(1);
        assertThat(FirehoseFrame.decode(frames.getFirst())).isEqualTo(new ErrorFrame(ErrorFrame.FUTURE_CURSOR, "Cursor in the future."));
    }

    @Test
    void liveEventsFollowTheReplayWithoutAGap() throws Exception {
        long total = head();
        var collected = new java.util.concurrent.CopyOnWriteArrayList<Long>();
        var done = reactor.netty.http.client.HttpClient.create().websocket().uri(subscribeRepos("?cursor=" + (total - 2)))
                .handle((in, out) -> in.aggregateFrames(5_000_000).receiveFrames()
                        .map(f -> seq((FirehoseEvent) FirehoseFrame.decode(io.netty.buffer.ByteBufUtil.getBytes(f.content())))))
                .doOnNext(collected::add).take(5).then().toFuture();
        assertThat(eventually(() -> collected.size() >= 2)).isTrue();
        for (int i = 0; i < 3; i++) {
            RepoCommit c = alice.commit(alice.posts("agent.comms.message", 1));
            pds.add(seq -> c.toEvent(seq, TIME));
        }
        total += 3;
        done.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(collected).containsExactly((long) total - 4, (long) total - 3, (long) total - 2, (long) total - 1, (long) total);
    }

    @Test
    void jetstreamShapesAndFiltersEvents() throws Exception {
        String url = app.ws() + "/subscribe?cursor=0&wantedCollections=agent.comms.*&wantedDids=" + alice.did().value();
        List<String> messages = WsClient.text(url, null, 100, Duration.ofSeconds(3));
        List<JsonNode> events = new ArrayList<>();
        for (String m : messages) {
            events.add(JSON.readTree(m));
        }
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("did").asString()).isEqualTo(alice.did().value()));
        List<JsonNode> commits = events.stream().filter(e -> e.get("kind").asString().equals("commit")).toList();
        assertThat(commits).isNotEmpty().allSatisfy(e -> {
            JsonNode c = e.get("commit");
            assertThat(c.get("collection").asString()).startsWith("agent.comms.");
            assertThat(c.get("operation").asString()).isEqualTo("create");
            assertThat(c.get("record").get("$type").asString()).isEqualTo("agent.comms.message");
            assertThat(c.get("cid").asString()).startsWith("bafyrei");
            assertThat(c.get("rkey").asString()).hasSize(13);
            assertThat(c.get("rev").asString()).hasSize(13);
        });
        assertThat(events.stream().filter(e -> e.get("kind").asString().equals("identity")).findFirst().orElseThrow()
                .get("identity").get("handle").asString()).isEqualTo(alice.handle());
        assertThat(events.stream().filter(e -> e.get("kind").asString().equals("account")).findFirst().orElseThrow()
                .get("account").get("active").asBoolean()).isTrue();
        List<Long> times = events.stream().map(e -> e.get("time_us").asLong()).toList();
        assertThat(times).as("every event its own, increasing time_us").isSorted().doesNotHaveDuplicates();

        long cursor = commits.getFirst().get("time_us").asLong();
        List<String> after = WsClient.text(app.ws() + "/subscribe?cursor=" + cursor + "&wantedCollections=agent.comms.*&wantedDids="
                + alice.did().value(), null, 100, Duration.ofSeconds(3));
        assertThat(after).as("resuming from a cursor gives exactly the events after it")
                .isEqualTo(messages.subList(messages.indexOf(messages.stream()
                        .filter(m -> m.contains("\"time_us\":" + cursor)).findFirst().orElseThrow()) + 1, messages.size()));
    }

    @Test
    void jetstreamWaitsForTheHelloAndTakesOptionsUpdates() {
        String hello = "{\"type\":\"options_update\",\"payload\":{\"wantedCollections\":[\"app.bsky.feed.post\"],\"wantedDids\":[\""
                + bob.did().value() + "\"]}}";
        List<String> messages = WsClient.text(app.ws() + "/subscribe?requireHello=true&cursor=0", hello, 100, Duration.ofSeconds(3));
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).contains(bob.did().value()));
        assertThat(messages.stream().filter(m -> m.contains("\"kind\":\"commit\""))).isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("\"collection\":\"app.bsky.feed.post\""));
        assertThat(WsClient.text(app.ws() + "/subscribe?requireHello=true&cursor=0", null, 100, Duration.ofSeconds(2)))
                .as("nothing before the hello").isEmpty();
    }

    @Test
    void syncQueriesAnswerAsTheLexiconsSay() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(app.http()).build();
        http.get().uri("/xrpc/com.atproto.sync.listRepos").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Server", RelayServerHeader.VALUE)
                .expectBody().jsonPath("$.repos.length()").isEqualTo(2).jsonPath("$.repos[0].active").isEqualTo(true);
        http.get().uri("/xrpc/com.atproto.sync.getLatestCommit?did=" + alice.did().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rev").isEqualTo(app.relay().processor().accounts().get(alice.did()).rev().value());
        http.get().uri("/xrpc/com.atproto.sync.getRepoStatus?did=" + bob.did().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.did").isEqualTo(bob.did().value());
        http.get().uri("/xrpc/com.atproto.sync.getRepoStatus?did=did:plc:nobodynobodynobodynobody").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("RepoNotFound");
        http.get().uri("/xrpc/com.atproto.sync.getRepoStatus").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest");
        http.get().uri("/xrpc/com.atproto.sync.listHosts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hosts[0].hostname").isEqualTo(pds.host()).jsonPath("$.hosts[0].accountCount").isEqualTo(2)
                .jsonPath("$.hosts[0].status").isEqualTo("active");
        http.get().uri("/xrpc/com.atproto.sync.getHostStatus?hostname=unknown.test").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("HostNotFound");
        http.get().uri("/xrpc/com.atproto.sync.getRepo?did=" + alice.did().value()).exchange().expectStatus().isFound()
                .expectHeader().valueEquals("Location", pds.url() + "/xrpc/com.atproto.sync.getRepo?did="
                        + java.net.URLEncoder.encode(alice.did().value(), java.nio.charset.StandardCharsets.UTF_8));
        http.get().uri("/xrpc/com.atproto.sync.notAMethod").exchange().expectStatus().isEqualTo(501)
                .expectBody().jsonPath("$.error").isEqualTo("MethodNotImplemented");
        http.get().uri("/xrpc/com.atproto.sync.requestCrawl").exchange().expectStatus().isBadRequest();
        http.post().uri("/xrpc/com.atproto.sync.requestCrawl").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hostname\":\"localhost:1\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("HostNotFound");
    }

    @Test
    void adminMethodsNeedTheCredential() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(app.http()).build();
        String body = "{\"subject\":{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\"" + bob.did().value()
                + "\"},\"takedown\":{\"applied\":true}}";
        http.post().uri("/xrpc/com.atproto.admin.updateSubjectStatus").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("AuthRequired");
        http.post().uri("/xrpc/com.atproto.admin.updateSubjectStatus").headers(h -> h.setBasicAuth("admin", RelayApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.takedown.applied").isEqualTo(true);
        http.get().uri("/xrpc/com.atproto.sync.getRepoStatus?did=" + bob.did().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.status").isEqualTo("takendown");
        http.get().uri("/xrpc/com.atproto.sync.getLatestCommit?did=" + bob.did().value()).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("RepoTakendown");
        http.post().uri("/xrpc/com.atproto.admin.updateSubjectStatus").headers(h -> h.setBasicAuth("admin", RelayApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.replace("true", "false")).exchange().expectStatus().isOk();
        http.post().uri("/xrpc/dev.skein.relay.admin.setHostLimits").headers(h -> h.setBasicAuth("admin", RelayApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hostname\":\"" + pds.host() + "\",\"accountLimit\":50,\"eventsPerSecond\":500}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accountLimit").isEqualTo(50);
        http.post().uri("/xrpc/dev.skein.relay.admin.banHost").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hostname\":\"x.test\"}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void paramsAndInputAreCheckedAgainstTheLexicons() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(app.http()).build();
        http.get().uri("/xrpc/com.atproto.sync.listRepos?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest");
        http.get().uri("/xrpc/com.atproto.sync.listRepos?limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.repos.length()").isEqualTo(1).jsonPath("$.cursor").isNotEmpty();
        http.get().uri("/xrpc/com.atproto.sync.getLatestCommit?did=not-a-did").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest");
        http.get().uri("/xrpc/com.atproto.sync.getRepo?did=" + alice.did().value() + "&since=not-a-tid").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("since"));
        String rev = app.relay().processor().accounts().get(alice.did()).rev().value();
        http.get().uri("/xrpc/com.atproto.sync.getRepo?did=" + alice.did().value() + "&since=" + rev).exchange()
                .expectStatus().isFound().expectHeader().valueEquals("Location", pds.url() + "/xrpc/com.atproto.sync.getRepo?did="
                        + java.net.URLEncoder.encode(alice.did().value(), java.nio.charset.StandardCharsets.UTF_8) + "&since=" + rev);
        http.post().uri("/xrpc/com.atproto.sync.requestCrawl").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"host\":\"x.test\"}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("hostname"));
        http.post().uri("/xrpc/com.atproto.admin.updateSubjectStatus").headers(h -> h.setBasicAuth("admin", RelayApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"subject\":{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\""
                        + bob.did().value() + "\"},\"takedown\":{\"applied\":\"yes\"}}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("InvalidRequest");
        http.post().uri("/xrpc/com.atproto.sync.requestCrawl").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hostname\":\"" + "x".repeat(RelayWeb.MAX_JSON_INPUT_BYTES) + "\"}").exchange()
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$.error").isEqualTo("PayloadTooLarge");
        http.get().uri("/xrpc/_health").exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isNotEmpty();
    }

    @Test
    void aWrongAdminCredentialIsRefusedEvenWhereItIsOptional() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl(app.http()).build();
        http.post().uri("/xrpc/com.atproto.sync.requestCrawl").headers(h -> h.setBasicAuth("admin", "wrong"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"hostname\":\"localhost:1\"}").exchange()
                .expectStatus().isUnauthorized().expectHeader().valueEquals("WWW-Authenticate", "Basic")
                .expectBody().jsonPath("$.error").isEqualTo("AuthRequired");
        http.post().uri("/xrpc/dev.skein.relay.admin.banHost").headers(h -> h.setBasicAuth("admin", "wrong"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"hostname\":\"x.test\"}").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("AuthRequired");
        http.post().uri("/xrpc/dev.skein.relay.admin.banHost").headers(h -> h.setBasicAuth("admin", RelayApp.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("InvalidRequest")
                .jsonPath("$.message").isEqualTo("Input must have the property \"hostname\"");
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void anOutdatedCursorIsToldSoBeforeTheWholeLog() {
        // A second relay app over a copy of the situation would cost seconds; trimming a throwaway log works as well.
        long min = app.relay().log().minSeq().orElseThrow();
        assertThat(min).isEqualTo(1);
        // Retention keeps what the account checkpoint has not covered yet; an idle sequencer catches up within seconds.
        long head = app.relay().log().maxSeq().orElseThrow();
        assertThat(eventually(() -> new AccountCheckpoint(app.relay().database()).seq() == head)).isTrue();
        RetentionJob trim = new RetentionJob(app.relay().log(), Duration.ZERO, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        trim.runOnce();
        trim.close();
        long last = app.relay().log().maxSeq().orElseThrow();
        List<byte[]> frames = WsClient.binary(subscribeRepos("?cursor=1"), 2, Duration.ofSeconds(3));
        assertThat(FirehoseFrame.decode(frames.getFirst())).isInstanceOf(InfoEvent.class)
                .extracting(f -> ((InfoEvent) f).name()).isEqualTo(InfoEvent.OUTDATED_CURSOR);
        assertThat(seq((FirehoseEvent) FirehoseFrame.decode(frames.get(1)))).isEqualTo(last);
    }

    static long seq(FirehoseEvent e) {
        return switch (e) {
            case CommitEvent c -> c.seq();
            case IdentityEvent i -> i.seq();
            case AccountEvent a -> a.seq();
            case dev.skein.core.firehose.SyncEvent s -> s.seq();
            case InfoEvent i -> -1;
        };
    }
}
