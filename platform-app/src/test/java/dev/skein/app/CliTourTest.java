package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.cli.CliContext;
import dev.skein.cli.ExitCodes;
import dev.skein.cli.SkeinCli;
import dev.skein.cli.client.IdentityResolver;
import dev.skein.core.car.CarLimits;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.repo.RepoExportVerifier;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.client.XrpcClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's five-minute tour, through the command line's entry point against the whole platform in this JVM
 * (every role, embedded H2, random ports): two agents, a message from one to the other, the records listed, the
 * repository exported and verified, and the relay's stream tailed in both modes, where the message shows as valid
 * and a record written with {@code validate=false} that breaks its lexicon shows as invalid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTourTest {
    private static final String ADMIN_PASSWORD = "tour-admin-" + UUID.randomUUID();
    private static final String PASSWORD = "correct-horse-battery";

    private final Path dir = Path.of("target", "test-data", "cli-" + UUID.randomUUID()).toAbsolutePath();
    private ConfigurableApplicationContext app;
    private String pds;
    private String plc;
    private String relay;
    private String alice;
    private String bob;

    /** What one command printed, and its exit code. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeAll
    void startThePlatform() {
        app = new SpringApplicationBuilder(SkeinApplication.class).web(WebApplicationType.NONE)
                .run("--server.port=0", "--skein.data-dir=" + dir.resolve("data"), "--skein.pds.password-hash-cost=14",
                        "--skein.admin.password=" + ADMIN_PASSWORD);
        RoleContexts roles = app.getBean(RoleContexts.class);
        pds = roles.url(Role.PDS).orElseThrow().toString();
        plc = roles.url(Role.PLC).orElseThrow().toString();
        relay = roles.url(Role.RELAY).orElseThrow().toString();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Run cli(String... args) {
        return cliWithInput(new ByteArrayInputStream(new byte[0]), Map.of(), args);
    }

    private Run cliWithInput(InputStream stdin, Map<String, String> extraEnv, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SKEIN_SESSION_FILE", dir.resolve("sessions.json").toString());
        CliContext context = new CliContext(env, stdin, new PrintWriter(out, true), new PrintWriter(err, true),
                Optional::empty, XrpcClient.defaultHttp());
        int code = SkeinCli.run(context, args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void createsTwoAgentsAndListsThem() throws IOException {
        Run a = cli("account", "create", "--pds", pds, "--handle", "alice.test", "--email", "alice@example.com",
                "--password", PASSWORD, "--save");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).matches("did:plc:[a-z2-7]{24}  alice\\.test\\R");
        assertThat(a.out() + a.err()).as("tokens are never printed").doesNotContain("eyJ");
        alice = a.out().split(" ")[0];
        assertThat(Files.readString(dir.resolve("sessions.json"))).contains("\"refreshJwt\"");

        Run noEmail = cli("account", "create", "--pds", pds, "--handle", "bob.test", "--password", PASSWORD);
        assertThat(noEmail.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(noEmail.err()).isEqualTo("error: InvalidRequest: Email is required\n");

        Run b = cliWithInput(new ByteArrayInputStream(new byte[0]),
                Map.of("SKEIN_PASSWORD", PASSWORD, "SKEIN_ADMIN_PASSWORD", adminPassword()),
                "account", "create", "--pds", pds, "--handle", "bob.test");
        assertThat(b.code()).as(b.err()).isZero();
        bob = b.out().split(" ")[0];

        Run list = cli("account", "list", "--pds", pds);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.lines()).contains(alice + "  alice.test  active", bob + "  bob.test  active");

        Run admin = cli("account", "list", "--pds", pds, "--admin-password", adminPassword());
        assertThat(admin.code()).as(admin.err()).isZero();
        assertThat(admin.lines()).contains(alice + "  alice.test  active  alice@example.com", bob + "  bob.test  active  -");

        Run wrongAdmin = cli("account", "list", "--pds", pds, "--admin-password", "wrong");
        assertThat(wrongAdmin.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrongAdmin.err()).isEqualTo("error: AuthenticationRequired: Admin credentials required\n");
    }

    @Test
    @Order(2)
    void aHandleThatIsTakenIsAnXrpcError() {
        Run again = cli("account", "create", "--pds", pds, "--handle", "alice.test", "--email", "a2@example.com",
                "--password", PASSWORD);
        assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).startsWith("error: ").containsIgnoringCase("handle");
    }

    @Test
    @Order(3)
    void sendsAMessageAndWritesReadsAndListsRecords() {
        Run sent = cli("message", "send", "--pds", pds, "--handle", "alice.test", "--password", PASSWORD,
                "--to", bob, "--text", "hello bob");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).startsWith("sent at://" + alice + "/agent.comms.message/");

        Run note = cliWithInput(new ByteArrayInputStream("{\"content\":{\"$type\":\"agent.memory.note#content\",\"text\":\"remember the milk\"}}".getBytes(StandardCharsets.UTF_8)),
                Map.of(), "record", "create", "--collection", "agent.memory.note", "--rkey", "3mnotemilk222");
        assertThat(note.code()).as("the saved session of alice writes: " + note.err()).isZero();
        MapValue created = (MapValue) DataJson.parse(note.out().strip());
        assertThat(created.getString("uri")).contains("at://" + alice + "/agent.memory.note/3mnotemilk222");
        assertThat(created.getString("validationStatus")).contains("valid");

        Run get = cli("record", "get", "--pds", pds, "--repo", "alice.test", "--collection", "agent.memory.note", "--rkey", "3mnotemilk222");
        assertThat(get.code()).as(get.err()).isZero();
        MapValue value = ((MapValue) DataJson.parse(get.out().strip())).getMap("value").orElseThrow();
        assertThat(value.getString("$type")).contains("agent.memory.note");
        assertThat(value.getString("createdAt")).as("filled in by record create").isPresent();

        Run put = cli("record", "put", "--collection", "agent.memory.note", "--rkey", "3mnotemilk222",
                "--json", "{\"content\":{\"$type\":\"agent.memory.note#content\",\"text\":\"oat milk\"},"
                        + "\"createdAt\":\"2026-11-21T10:00:00.000Z\"}");
        assertThat(put.code()).as(put.err()).isZero();

        Run list = cli("record", "list", "--pds", pds, "--repo", alice, "--collection", "agent.comms.message");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.lines()).hasSize(1).first().asString().contains("hello bob").contains(bob);

        Run invalid = cli("record", "create", "--collection", "agent.comms.message",
                "--json", "{\"content\":{\"$type\":\"agent.comms.defs#parts\",\"parts\":[]}}");
        assertThat(invalid.code()).as("the PDS refuses a record that breaks its lexicon").isEqualTo(ExitCodes.FAILED);
        assertThat(invalid.err()).startsWith("error: InvalidRequest: Invalid agent.comms.message record: ");

        Run stored = cli("record", "create", "--collection", "agent.comms.message", "--no-validate", "--rkey", "3mbrokenmsg22",
                "--json", "{\"content\":{\"$type\":\"agent.comms.defs#parts\",\"parts\":[]}}");
        assertThat(stored.code()).as(stored.err()).isZero();

        Run deleted = cli("record", "delete", "--collection", "agent.memory.note", "--rkey", "3mnotemilk222");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted at://" + alice + "/agent.memory.note/3mnotemilk222\n");
    }

    @Test
    @Order(4)
    void tailsTheVerifiedStreamWithValidation() {
        Run tail = cli("stream", "tail", "--relay", relay, "--plc", plc, "--collection", "agent.comms.*",
                "--did", alice, "--cursor", "0", "--limit", "2", "--timeout", "120");
        assertThat(tail.lines()).as(tail.err()).hasSize(2);
        MapValue message = (MapValue) DataJson.parse(tail.lines().get(0));
        assertThat(message.getString("did")).contains(alice);
        assertThat(message.getString("collection")).contains("agent.comms.message");
        assertThat(message.getString("validation")).contains("valid");
        assertThat(message.find("verified")).contains(BoolValue.TRUE);
        assertThat(message.getInt("seq")).hasValueSatisfying(seq -> assertThat(seq).isPositive());
        assertThat(DataJson.writeString(message.getMap("record").orElseThrow())).contains("hello bob");

        MapValue broken = (MapValue) DataJson.parse(tail.lines().get(1));
        assertThat(broken.getString("rkey")).contains("3mbrokenmsg22");
        assertThat(broken.getString("validation")).contains("invalid");
        assertThat(DataJson.writeString(broken)).contains("recipients");
        assertThat(tail.err()).contains("invalid record at://" + alice + "/agent.comms.message/3mbrokenmsg22");
        assertThat(tail.code()).isEqualTo(ExitCodes.INVALID_STREAM);
    }

    @Test
    @Order(5)
    void tailsTheJetstreamWithValidation() {
        Run tail = cli("stream", "tail", "--jetstream", "--relay", relay, "--collection", "agent.comms.*",
                "--did", alice, "--cursor", "0", "--limit", "2", "--timeout", "120");
        assertThat(tail.lines()).as(tail.err()).hasSize(2);
        List<String> validations = new ArrayList<>();
        for (String line : tail.lines()) {
            MapValue record = (MapValue) DataJson.parse(line);
            assertThat(record.getString("collection")).contains("agent.comms.message");
            validations.add(record.getString("validation").orElseThrow());
        }
        assertThat(validations).containsExactly("valid", "invalid");
        assertThat(tail.lines().getFirst()).contains("hello bob").contains("\"verified\":false");
        assertThat(tail.code()).isEqualTo(ExitCodes.INVALID_STREAM);
    }

    @Test
    @Order(6)
    void exportsAndVerifiesTheRepository() throws IOException {
        Path car = dir.resolve("alice.car");
        Run export = cli("repo", "export", "--plc", plc, "--did", alice, "-o", car.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("verified " + alice + " rev ").contains("2 record(s)");
        RepoExportVerifier.VerifiedRepo verified = RepoExportVerifier.verify(Files.readAllBytes(car), Did.parse(alice),
                IdentityResolver.overHttp(new XrpcClient(java.net.URI.create(plc))).signingKey(Did.parse(alice)), CarLimits.DEFAULT);
        assertThat(verified.records()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void aServiceThatIsNotRunningSaysWhichUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run down = cli("account", "list", "--pds", "http://127.0.0.1:" + port);
        assertThat(down.code()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(down.err()).contains("http://127.0.0.1:" + port).contains("is ./skein running?");
    }

    /** The platform's admin password, which every role accepts: set at start, as SKEIN_ADMIN_PASSWORD would. */
    private static String adminPassword() {
        return ADMIN_PASSWORD;
    }
}
