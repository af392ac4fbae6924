package dev.skein.pds.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconDocument;
import dev.skein.core.lexicon.LexiconParser;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.PdsTestApplication;
import dev.skein.pds.TestPlc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The PDS publishes its {@code agent.*} Lexicons as {@code com.atproto.lexicon.schema} records at start: a
 * resolver that knows only the authority DID fetches {@code agent.comms.message} (and what it refers to under
 * the same authority) with {@code com.atproto.repo.getRecord}, builds a validator from those records alone and
 * judges records with it. A restart with nothing changed makes no commit; a restart after the published set
 * was tampered with puts the schema back and deletes the stray record.
 */
class LexiconPublishingH2Test {
    private static final String SCHEMA = "com.atproto.lexicon.schema";
    private static final Pattern REF = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9.-]*\\.[a-zA-Z][a-zA-Z0-9]*)(#[a-zA-Z0-9]+)?\"");

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(PdsTestApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "skein.pds.data-dir=" + data,
                        "skein.pds.plc-url=" + TestPlc.url(), "skein.pds.password-hash-cost=14",
                        "skein.pds.rate-limits.enabled=false", "spring.main.banner-mode=off",
                        "skein.pds.lexicon-authority.enabled=true")
                .run();
    }

    private static WebTestClient client(ConfigurableApplicationContext c) {
        int port = ((WebServerApplicationContext) c).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static MapValue get(WebTestClient client, String path, int status) {
        byte[] body = client.get().uri(path).exchange().expectStatus().isEqualTo(status)
                .expectBody(byte[].class).returnResult().getResponseBody();
        return (MapValue) DataJson.parse(body);
    }

    private static MapValue post(WebTestClient client, String nsid, MapValue body, String bearer) {
        byte[] out = client.post().uri("/xrpc/" + nsid).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).bodyValue(DataJson.write(body)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return (MapValue) DataJson.parse(out);
    }

    /** The schema record for {@code nsid} in the authority's repository, as {@code getRecord} answers it. */
    private static MapValue getSchemaRecord(WebTestClient client, String authority, String nsid, int status) {
        return get(client, "/xrpc/com.atproto.repo.getRecord?repo=" + authority + "&collection=" + SCHEMA
                + "&rkey=" + nsid, status);
    }

    private static String authority(WebTestClient client) {
        return get(client, LexiconPublishing.WELL_KNOWN, 200).getString("did").orElseThrow();
    }

    private static MapValue latestCommit(WebTestClient client, String did) {
        return get(client, "/xrpc/com.atproto.sync.getLatestCommit?did=" + did, 200);
    }

    /** One PDS data directory through three starts: first publication, an idle restart, a repairing restart. */
    @Test
    void publishesResolvablySkipsUnchangedSchemasAndRepairsChangedOnes() throws Exception {
        Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "pds");
        String did;
        MapValue commit;
        MapValue published;
        try (ConfigurableApplicationContext pds = start(data)) {
            WebTestClient c = client(pds);
            LexiconPublisher publisher = pds.getBean(LexiconPublisher.class);
            LexiconPublisher.Outcome o = publisher.lastOutcome().orElseThrow();
            assertThat(o.created()).containsExactlyElementsOf(publisher.nsids())
                    .contains("agent.comms.message", "agent.memory.fact", "agent.trust.endorsement");
            did = authority(c);
            resolveAndValidate(c, did);
            commit = latestCommit(c, did);
            published = getSchemaRecord(c, did, "agent.comms.message", 200).getMap("value").orElseThrow();
        }
        try (ConfigurableApplicationContext second = start(data)) {
            WebTestClient c = client(second);
            LexiconPublisher publisher = second.getBean(LexiconPublisher.class);
            LexiconPublisher.Outcome o = publisher.lastOutcome().orElseThrow();
            assertThat(o.authority().value()).isEqualTo(did);
            assertThat(o.changed()).as("nothing written on a restart with the same schemas").isFalse();
            assertThat(o.unchanged()).isEqualTo(publisher.nsids().size());
            assertThat(latestCommit(c, did)).as("no new commit").isEqualTo(commit);

            // Someone with the account's password changes a schema and adds one the catalog does not have.
            String jwt = session(c, Files.readString(data.resolve(AuthorityPassword.FILE_NAME)).strip());
            MapValue.Builder altered = MapValue.builder();
            published.entries().forEach(e -> altered.put(e.getKey(), e.getValue()));
            altered.put("description", "tampered");
            post(c, "com.atproto.repo.putRecord", MapValue.builder().put("repo", did).put("collection", SCHEMA)
                    .put("rkey", "agent.comms.message").put("record", altered.build()).build(), jwt);
            MapValue stray = MapValue.builder().put("$type", SCHEMA).put("lexicon", 1L)
                    .put("id", "agent.comms.obsolete").put("defs", MapValue.EMPTY).build();
            post(c, "com.atproto.repo.putRecord", MapValue.builder().put("repo", did).put("collection", SCHEMA)
                    .put("rkey", "agent.comms.obsolete").put("record", stray).build(), jwt);
        }
        try (ConfigurableApplicationContext third = start(data)) {
            WebTestClient c = client(third);
            LexiconPublisher.Outcome o = third.getBean(LexiconPublisher.class).lastOutcome().orElseThrow();
            assertThat(o.created()).isEmpty();
            assertThat(o.updated()).containsExactly("agent.comms.message");
            assertThat(o.deleted()).containsExactly("agent.comms.obsolete");
            assertThat(getSchemaRecord(c, did, "agent.comms.message", 200).getMap("value")).contains(published);
            getSchemaRecord(c, did, "agent.comms.obsolete", 400);
        }
    }

    /**
     * What a resolver that knows only the authority DID does: fetch {@code agent.comms.message} and, transitively,
     * what it refers to under the same authority, build a validator from those records alone, judge records.
     */
    private static void resolveAndValidate(WebTestClient c, String did) {
        MapValue info = get(c, LexiconPublishing.WELL_KNOWN, 200);
        assertThat(info.getString("handle")).contains("lexicons.test");
        assertThat(DataJson.writeString(info.get("dns")))
                .contains("{\"name\":\"_lexicon.comms.agent\",\"value\":\"did=" + did + "\"}");
        assertThat(((ArrayValue) info.get("nsids")).items()).contains(new StringValue("agent.comms.message"))
                .allSatisfy(n -> assertThat(((StringValue) n).value()).startsWith("agent."));

        Map<String, LexiconDocument> fetched = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of("agent.comms.message"));
        while (!todo.isEmpty()) {
            String nsid = todo.pop();
            if (fetched.containsKey(nsid) || !nsid.startsWith("agent.")) {
                continue;
            }
            MapValue answer = getSchemaRecord(c, did, nsid, 200);
            assertThat(answer.getString("uri")).contains("at://" + did + "/" + SCHEMA + "/" + nsid);
            MapValue value = answer.getMap("value").orElseThrow();
            assertThat(value.getString("$type")).contains(SCHEMA);
            assertThat(value.getInt("lexicon")).contains(1L);
            fetched.put(nsid, LexiconParser.parse(value));
            Matcher refs = REF.matcher(DataJson.writeString(value.get("defs")));
            while (refs.find()) {
                todo.push(refs.group(1));
            }
        }
        assertThat(fetched).containsKeys("agent.comms.message", "agent.comms.defs");
        LexiconCatalog catalog = LexiconCatalog.of(fetched.values());
        // com.atproto.repo.strongRef belongs to another authority: the only reference left open.
        assertThat(catalog.refProblems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getMessage()).contains("com.atproto.repo.strongRef"));
        LexiconValidator validator = new LexiconValidator(catalog);

        MapValue valid = (MapValue) DataJson.parse("""
                {"$type": "agent.comms.message", "recipients": ["did:plc:m33c2gah2obbuodf6jltw2oh"],
                 "content": {"$type": "agent.comms.defs#parts",
                             "parts": [{"$type": "agent.comms.defs#textPart", "text": "Is the audit done?"}]},
                 "createdAt": "2026-03-02T09:14:05.120Z"}""");
        assertThat(validator.validateRecord(Nsid.parse("agent.comms.message"), valid)).isEmpty();

        MapValue invalid = (MapValue) DataJson.parse("""
                {"$type": "agent.comms.message",
                 "content": {"$type": "agent.comms.defs#parts",
                             "parts": [{"$type": "agent.comms.defs#textPart", "text": "Is the audit done?"}]},
                 "createdAt": "2026-03-02T09:14:05.120Z"}""");
        List<ValidationError> errors = validator.validateRecord(Nsid.parse("agent.comms.message"), invalid);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().toString()).contains("recipients");

        // The bundled copies of other authorities' Lexicons are not published.
        getSchemaRecord(c, did, "com.atproto.repo.strongRef", 400);
    }

    private static String session(WebTestClient c, String password) {
        byte[] out = c.post().uri("/xrpc/com.atproto.server.createSession").header("Content-Type", "application/json")
                .bodyValue(DataJson.write(MapValue.builder().put("identifier", "lexicons.test")
                        .put("password", password).build()))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return ((MapValue) DataJson.parse(out)).getString("accessJwt").orElseThrow();
    }
}
