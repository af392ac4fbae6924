package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.syntax.Did;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The directory against the official client: {@code @atproto/identity}'s {@code IdResolver}, with
 * {@code plcUrl} pointing at our server on a random port, resolves a DID we created (document and atproto
 * data); and a DID made and signed in Node ({@code @ipld/dag-cbor}, {@code @atproto/crypto}) is accepted,
 * updated, served back and tombstoned ({@code interop-node/plc-directory-check.mjs}).
 */
@RequiresNode
@SpringBootTest(classes = PlcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlcNodeInteropTest {
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "plc");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("skein.plc.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    PlcDirectory directory;

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    @Test
    void theOfficialResolverReadsOurDidsAndOurDirectoryAcceptsNodesOperations() {
        TestIdentity alice = new TestIdentity("alice.test");
        directory.submit(alice.did, alice.genesis);
        TestIdentity nobody = new TestIdentity("nobody.test");

        var input = JSON.createObjectNode().put("plcUrl", "http://127.0.0.1:" + port)
                .put("did", alice.did.value()).put("missing", nobody.did.value());
        JsonNode out = JSON.readTree(NodeInterop.runOk("plc-directory-check.mjs", JSON.writeValueAsString(input)));

        JsonNode data = out.get("java").get("data");
        assertThat(data.get("did").asString()).isEqualTo(alice.did.value());
        assertThat(data.get("signingKey").asString()).isEqualTo(alice.signing.publicKey().didKey());
        assertThat(data.get("handle").asString()).isEqualTo("alice.test");
        assertThat(data.get("pds").asString()).isEqualTo(TestIdentity.PDS.toString());
        assertThat(out.get("java").get("doc").get("id").asString()).isEqualTo(alice.did.value());
        assertThat(out.get("missing").isNull()).isTrue();

        JsonNode node = out.get("node");
        Did nodeDid = Did.parse(node.get("did").asString());
        List<PlcOp> nodeOps = new ArrayList<>();
        for (JsonNode e : node.get("ops")) {
            PlcOp op = PlcOp.fromJson(JSON.writeValueAsString(e.get("op")));
            assertThat(op.cid().toString()).isEqualTo(e.get("cid").asString());
            nodeOps.add(op);
        }
        assertThat(nodeOps.getFirst().genesisDid()).isEqualTo(nodeDid);
        assertThat(node.get("created").get("handle").asString()).isEqualTo("node-made.test");
        assertThat(node.get("created").get("pds").asString()).isEqualTo("https://pds.node.test");
        assertThat(node.get("renamed").get("handle").asString()).isEqualTo("node-renamed.test");
        assertThat(node.get("renamed").get("signingKey").asString()).isEqualTo(node.get("created").get("signingKey").asString());
        assertThat(node.get("auditCidsMatch").asBoolean()).isTrue();
        assertThat(PlcOp.fromJson(JSON.writeValueAsString(node.get("last")))).isEqualTo(nodeOps.get(1));
        assertThat(node.get("tombstoneStatus").asInt()).isEqualTo(410);
        assertThat(node.get("badStatus").asInt()).isEqualTo(400);
        assertThat(node.get("badMessage").asString()).contains("signature");

        assertThat(directory.auditLog(nodeDid)).extracting(PlcLogEntry::operation).containsExactlyElementsOf(nodeOps);
        assertThat(directory.state(nodeDid)).isInstanceOf(DidState.Deactivated.class);
        assertThat(directory.state(alice.did)).isInstanceOf(DidState.Active.class);
        assertThat(directory.auditLog(alice.did)).hasSize(1);
        List<String> exported = new ArrayList<>();
        node.get("exportCids").forEach(c -> exported.add(c.asString()));
        assertThat(exported).containsExactlyElementsOf(nodeOps.stream().map(op -> op.cid().toString()).toList());
    }
}
