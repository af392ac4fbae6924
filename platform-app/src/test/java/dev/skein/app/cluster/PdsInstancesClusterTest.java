package dev.skein.app.cluster;

import static dev.skein.app.cluster.XrpcCalls.basicAdmin;
import static dev.skein.app.cluster.XrpcCalls.createAccount;
import static dev.skein.app.cluster.XrpcCalls.createRecordRequest;
import static dev.skein.app.cluster.XrpcCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.app.Role;
import dev.skein.app.RoleContexts;
import dev.skein.app.RoleInstance;
import dev.skein.app.SkeinApplication;
import dev.skein.app.cluster.XrpcCalls.Agent;
import dev.skein.app.cluster.XrpcCalls.Written;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.lexicon.agent.comms.Defs;
import dev.skein.lexicon.agent.comms.Message;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two named PDS instances in one process ({@code skein.pds-instances.one}, {@code .two}) with the PLC
 * directory and the relay, on H2: each has its own data folder and accounts, the relay crawls both, the agent
 * exchange crosses them, one admin password opens both PDSes' and the relay's admin methods; and shutting the
 * process down closes every firehose consumer with {@code 1001 Going Away} and loses no acknowledged write.
 */
class PdsInstancesClusterTest {
    private static final String ADMIN = "admin-" + UUID.randomUUID();
    private final Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "data").toAbsolutePath();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SkeinApplication.class).web(WebApplicationType.NONE).run(
                "--server.port=0", "--skein.data-dir=" + data, "--skein.pds.password-hash-cost=14",
                "--skein.pds.rate-limits.enabled=false", "--skein.admin.password=" + ADMIN,
                "--skein.pds-instances.one.handle-domains=.one.test", "--skein.pds-instances.two.handle-domains=.two.test");
    }

    private static URI pds(RoleContexts roles, String name) {
        return roles.instanceUrls().entrySet().stream()
                .filter(e -> e.getKey().role() == Role.PDS && e.getKey().name().orElse("").equals(name))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    @Test
    void twoPdsInstancesShareThePlcTheRelayAndTheAdminPasswordAndShutDownCleanly() throws Exception {
        Agent writer;
        URI one;
        List<Written> acknowledged = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext app = start();
        try {
            RoleContexts roles = app.getBean(RoleContexts.class);
            assertThat(roles.instanceUrls().keySet()).extracting(RoleInstance::role)
                    .containsExactly(Role.PLATFORM, Role.PLC, Role.PDS, Role.PDS, Role.RELAY);
            one = pds(roles, "one");
            URI two = pds(roles, "two");
            URI relay = roles.url(Role.RELAY).orElseThrow();
            assertThat(one.getPort()).isNotEqualTo(two.getPort());
            assertThat(data.resolve("pds-one").resolve("secrets.properties")).isRegularFile();
            assertThat(data.resolve("pds-two").resolve("secrets.properties")).isRegularFile();
            assertThat(data.resolve("pds")).doesNotExist();
            assertThat(data.resolve("admin-password.hash")).as("a configured admin password is stored nowhere").doesNotExist();
            assertThat(Files.readString(data.resolve("pds-one").resolve("secrets.properties"))).doesNotContain("admin-password");
            // One Lexicon authority for the network: the first PDS publishes, the second does not.
            assertThat(data.resolve("pds-one").resolve("lexicon-authority-password")).isRegularFile();
            assertThat(data.resolve("pds-two").resolve("lexicon-authority-password")).doesNotExist();

            new AgentExchange(one, two, relay, roles.url(Role.PLC).orElseThrow()).run();

            writer = createAccount(one, "w" + UUID.randomUUID().toString().substring(0, 8));
            for (URI pds : List.of(one, two)) {
                HttpRequest.Builder info = HttpRequest.newBuilder(pds.resolve("/xrpc/com.atproto.admin.getAccountInfo?did=" + writer.did()));
                assertThat(send(info.copy().header("Authorization", basicAdmin("wrong"))).statusCode()).isEqualTo(401);
                int expected = pds.equals(one) ? 200 : 400;
                assertThat(send(info.copy().header("Authorization", basicAdmin(ADMIN))).statusCode()).as(pds.toString()).isEqualTo(expected);
            }
            HttpRequest.Builder ban = HttpRequest.newBuilder(relay.resolve("/xrpc/dev.skein.relay.admin.banHost"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(send(ban.copy().header("Authorization", basicAdmin("wrong"))).statusCode()).isEqualTo(401);
            assertThat(send(ban.copy().header("Authorization", basicAdmin(ADMIN))).statusCode())
                    .as("past the credential check, refused for its missing hostname").isEqualTo(400);

            StreamWatch pdsFirehose = StreamWatch.open(URI.create("ws://127.0.0.1:" + one.getPort() + "/xrpc/com.atproto.sync.subscribeRepos"));
            StreamWatch relayFirehose = StreamWatch.open(URI.create("ws://127.0.0.1:" + relay.getPort() + "/xrpc/com.atproto.sync.subscribeRepos"));
            StreamWatch jetstream = StreamWatch.open(URI.create("ws://127.0.0.1:" + relay.getPort() + "/subscribe"));

            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = List.of(writerThread(one, writer, writing, acknowledged), writerThread(one, writer, writing, acknowledged));
            StreamWatch.await(AgentExchange.HOP, "some writes acknowledged", () ->
                    acknowledged.size() >= 5 ? java.util.Optional.of(true) : java.util.Optional.empty());
            app.close();
            writing.set(false);
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(150));
            }
            for (StreamWatch w : List.of(pdsFirehose, relayFirehose, jetstream)) {
                assertThat(w.closeCode().get(30, TimeUnit.SECONDS)).as("close frame status").isEqualTo(1001);
            }
        } finally {
            app.close();
        }

        ConfigurableApplicationContext again = start();
        try {
            URI oneAgain = pds(again.getBean(RoleContexts.class), "one");
            for (Written w : acknowledged) {
                HttpResponse<String> got = send(HttpRequest.newBuilder(oneAgain.resolve("/xrpc/com.atproto.repo.getRecord?repo="
                        + writer.did() + "&collection=" + Message.ID + "&rkey=" + w.rkey())));
                assertThat(got.statusCode()).as("acknowledged before shutdown, there after: " + w.uri()).isEqualTo(200);
                assertThat(got.body()).contains(w.cid().toString());
            }
        } finally {
            again.close();
        }
    }

    /** Writes messages until told to stop or the server goes away, keeping every acknowledged one. */
    private static Thread writerThread(URI pds, Agent author, AtomicBoolean writing, List<Written> acknowledged) {
        MapValue record = new Message(List.of(author.did()), new Message.ContentUnion.Parts(new Defs.Parts(List.of(
                new Defs.Parts.PartsUnion.TextPart(new Defs.TextPart("note to self"))))),
                Datetime.parse(Instant.now().toString())).toValue();
        return Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                try {
                    HttpResponse<String> r = send(createRecordRequest(pds, author, Message.ID, record));
                    if (r.statusCode() == 200) {
                        acknowledged.add(XrpcCalls.written(XrpcCalls.JSON.readTree(r.body())));
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
    }
}
