package dev.skein.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * did:plc operations and DID documents against the official packages ({@code interop-node/plc-check.mjs}):
 * {@code @ipld/dag-cbor} and {@code @atproto/crypto} verify our signatures and recompute our CIDs and DIDs,
 * {@code @atproto/identity} reads our documents; and we verify histories the script builds itself.
 */
@RequiresNode
class PlcNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "plc-check.mjs";

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    private static JsonNode run(ObjectNode input) {
        return JSON.readTree(NodeInterop.runOk(SCRIPT, JSON.writeValueAsString(input)));
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    @Test
    void referenceVerifiesOurOperationsAndAgreesOnCidsAndDids() {
        List<PlcOp> ops = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        for (Curve curve : Curve.values()) {
            SigningKey recovery = SigningKey.generate(Curve.K256);
            SigningKey pds = SigningKey.generate(curve);
            PlcOperation genesis = PlcOperation.atprotoGenesis(List.of(recovery.publicKey(), pds.publicKey()),
                    SigningKey.generate(curve).publicKey(), Handle.parse("alice.test"), URI.create("https://pds.example.com"))
                    .sign(pds);
            PlcState state = genesis.state(genesis.genesisDid());
            PlcOperation update = new PlcOperation(state.rotationKeys(), Map.of(), List.of("at://bob.test", "https://bob.example"),
                    Map.of(), Optional.of(genesis.cid()), Optional.empty()).sign(recovery);
            PlcTombstone tombstone = PlcTombstone.following(update.cid()).sign(pds);
            ops.addAll(List.of(genesis, update, tombstone));
            keys.addAll(List.of(genesis.rotationKeys(), genesis.rotationKeys(), update.rotationKeys()));
        }
        ObjectNode input = JSON.createObjectNode();
        ArrayNode items = input.putArray("ops");
        for (int i = 0; i < ops.size(); i++) {
            ObjectNode item = items.addObject();
            item.set("op", tree(ops.get(i).toJson()));
            keys.get(i).forEach(item.putArray("keys")::add);
        }

        JsonNode out = run(input).get("ops");

        for (int i = 0; i < ops.size(); i++) {
            PlcOp op = ops.get(i);
            JsonNode r = out.get(i);
            assertThat(r.get("cid").asString()).isEqualTo(op.cid().toString());
            assertThat(r.get("signer").asInt()).isEqualTo(op.verifySignature(keys.get(i))).isNotNegative();
            if (op.isGenesis()) {
                assertThat(r.get("did").asString()).isEqualTo(op.genesisDid().value());
            }
        }
    }

    /** Both sides sign deterministically (RFC 6979): the same key over the same operation gives the same sig, CID and DID. */
    @Test
    void sameKeySignsTheSameOperationIdentically() {
        List<PlcOp> ours = new ArrayList<>();
        ObjectNode input = JSON.createObjectNode();
        ArrayNode items = input.putArray("sign");
        for (Curve curve : Curve.values()) {
            SigningKey key = SigningKey.generate(curve);
            PlcOperation genesis = PlcOperation.atprotoGenesis(List.of(key.publicKey()), SigningKey.generate(Curve.K256).publicKey(),
                    Handle.parse("det.test"), URI.create("https://pds.example.com"));
            PlcTombstone tombstone = PlcTombstone.following(genesis.sign(key).cid());
            for (PlcOp unsigned : List.<PlcOp>of(genesis, tombstone)) {
                ObjectNode item = items.addObject();
                item.put("curve", curve == Curve.P256 ? "p256" : "k256");
                item.put("privateKey", HexFormat.of().formatHex(key.privateBytes()));
                item.set("op", tree(unsigned.toJson()));
                ours.add(unsigned instanceof PlcOperation op ? op.sign(key) : ((PlcTombstone) unsigned).sign(key));
            }
        }

        JsonNode out = run(input).get("signed");

        for (int i = 0; i < ours.size(); i++) {
            PlcOp op = ours.get(i);
            assertThat(out.get(i).get("sig").asString()).isEqualTo(op.sig().orElseThrow());
            assertThat(out.get(i).get("cid").asString()).isEqualTo(op.cid().toString());
            if (op.isGenesis()) {
                assertThat(out.get(i).get("did").asString()).isEqualTo(op.genesisDid().value());
            }
        }
    }

    @Test
    void weVerifyHistoriesTheReferenceBuilds() {
        ObjectNode input = JSON.createObjectNode();
        input.put("make", 4);

        JsonNode made = run(input).get("made");

        assertThat(made).hasSize(4);
        for (JsonNode history : made) {
            Did did = Did.parse(history.get("did").asString());
            List<PlcOp> ops = new ArrayList<>();
            for (JsonNode entry : history.get("entries")) {
                PlcOp op = PlcOp.fromJson(JSON.writeValueAsString(entry.get("op")));
                assertThat(op.cid()).isEqualTo(Cid.parse(entry.get("cid").asString()));
                ops.add(op);
            }
            assertThat(ops.getFirst().genesisDid()).isEqualTo(did);
            PlcAuditLog log = new PlcAuditLog(did);
            log.append(ops.get(0), Instant.EPOCH.plusSeconds(1));
            assertThat(log.append(ops.get(1), Instant.EPOCH.plusSeconds(2)).keyIndex()).isZero();
            assertThat(log.didDocument().orElseThrow().handle()).isPresent();
            assertThat(log.append(ops.get(2), Instant.EPOCH.plusSeconds(3)).keyIndex()).isEqualTo(1);
            assertThat(log.isTombstoned()).isTrue();
            assertThat(PlcAuditLog.verifyOperations(did, ops)).isEmpty();
        }
    }

    @Test
    void referenceReadsOurDidDocuments() {
        SigningKey k256 = SigningKey.generate(Curve.K256);
        SigningKey p256 = SigningKey.generate(Curve.P256);
        Did did = Did.parse("did:plc:7iza6de2dwap2sbkpav7c6c6");
        List<DidDocument> docs = List.of(
                new PlcState(did, List.of(), Map.of("atproto", k256.publicKey().didKey()), List.of("at://alice.test"),
                        Map.of("atproto_pds", PlcService.pds("https://pds.example.com"))).toDidDocument(),
                new PlcState(did, List.of(), Map.of("atproto", p256.publicKey().didKey(), "other", k256.publicKey().didKey()),
                        List.of("https://alice.example", "at://Alice.Test"),
                        Map.of("atproto_pds", PlcService.pds("http://localhost:2583"))).toDidDocument(),
                // relative ids, as the spec's example and older documents write them
                new DidDocument(did, List.of(DidDocument.DID_CONTEXT), List.of("at://carol.test"),
                        List.of(new VerificationMethod("#atproto", "Multikey", did.value(), Optional.of(p256.publicKey().multibase()))),
                        List.of(new DidService(did + "#atproto_pds", "AtprotoPersonalDataServer", "https://p.test"))));
        ObjectNode input = JSON.createObjectNode();
        ArrayNode items = input.putArray("docs");
        for (DidDocument d : docs) {
            items.add(JSON.readTree(d.toJson()));
        }
        // the legacy key encoding of the spec's example (atproto.com/specs/did), which we read too
        String legacy = new String(docs.getFirst().toJson(), StandardCharsets.UTF_8)
                .replace("\"Multikey\"", "\"EcdsaSecp256k1VerificationKey2019\"")
                .replace(k256.publicKey().multibase(),
                        "zQYEBzXeuTM9UR3rfvNag6L3RNAs5pQZyYPsomTsgQhsxLdEgCrPTLgFna8yqCnxPpNT7DBk6Ym3dgPKNu86vt9GR");
        List<DidDocument> all = new ArrayList<>(docs);
        all.add(DidDocument.parse(legacy));
        items.add(JSON.readTree(legacy));

        JsonNode out = run(input).get("docs");

        for (int i = 0; i < all.size(); i++) {
            DidDocument d = all.get(i);
            JsonNode r = out.get(i);
            assertThat(r.has("error")).as(r.toString()).isFalse();
            assertThat(r.get("valid").asBoolean()).isTrue();
            assertThat(r.get("did").asString()).isEqualTo(d.did().value());
            assertThat(r.get("signingKey").asString()).isEqualTo(d.atprotoKey().orElseThrow().didKey());
            assertThat(Handle.parse(r.get("handle").asString()).normalized()).isEqualTo(d.handle().orElseThrow());
            assertThat(URI.create(r.get("pds").asString())).isEqualTo(d.pdsEndpoint().orElseThrow());
        }
    }
}
