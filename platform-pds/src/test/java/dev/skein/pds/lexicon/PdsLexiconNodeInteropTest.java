package dev.skein.pds.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.pds.PdsContract;
import dev.skein.pds.TestPlc;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The published Lexicons through the official clients ({@code interop-node/lexicon-resolve.mjs}):
 * {@code @atproto/api} fetches {@code agent.comms.message} and what it refers to under {@code agent.} from the
 * authority's repository with {@code com.atproto.repo.getRecord}, {@code @atproto/lexicon} loads only those
 * records and accepts a valid message and refuses one without recipients; {@code @atproto/lex-resolver}, told the
 * authority DID instead of looking up {@code _lexicon} DNS records, resolves the same record through the PLC
 * directory and {@code com.atproto.sync.getRecord}, checking its proof and signature.
 */
@RequiresNode
class PdsLexiconNodeInteropTest extends PdsContract {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
        registry.add("skein.pds.lexicon-authority.enabled", () -> "true");
    }

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    @Test
    void theOfficialClientsResolveAndApplyAPublishedLexicon() {
        String did = json(client().get().uri(LexiconPublishing.WELL_KNOWN).exchange().expectStatus().isOk())
                .path("did").asString();
        String content = """
                {"$type": "agent.comms.defs#parts",
                 "parts": [{"$type": "agent.comms.defs#textPart", "text": "Is the audit done?"}]}""";
        String input = """
                {"plc": "%s", "service": "http://127.0.0.1:%d", "did": "%s", "nsid": "agent.comms.message", "prefix": "agent.",
                 "valid": {"$type": "agent.comms.message", "recipients": ["did:plc:m33c2gah2obbuodf6jltw2oh"],
                           "content": %s, "createdAt": "2026-03-02T09:14:05.120Z"},
                 "invalid": {"$type": "agent.comms.message", "content": %s, "createdAt": "2026-03-02T09:14:05.120Z"}}
                """.formatted(TestPlc.url(), port, did, content, content);
        JsonNode out = JSON.readTree(NodeInterop.runOk("lexicon-resolve.mjs", input));

        assertThat(out.path("uri").asString())
                .isEqualTo("at://" + did + "/com.atproto.lexicon.schema/agent.comms.message");
        assertThat(out.path("fetched").toString()).isEqualTo("[\"agent.comms.defs\",\"agent.comms.message\"]");
        assertThat(out.path("valid").path("ok").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("invalid").path("ok").asBoolean()).isFalse();
        assertThat(out.path("invalid").path("message").asString()).contains("recipients");

        assertThat(out.path("resolver").path("uri").asString()).isEqualTo(out.path("uri").asString());
        assertThat(out.path("resolver").path("cid").asString()).isEqualTo(out.path("cid").asString());
        assertThat(out.path("resolver").path("id").asString()).isEqualTo("agent.comms.message");
    }
}
