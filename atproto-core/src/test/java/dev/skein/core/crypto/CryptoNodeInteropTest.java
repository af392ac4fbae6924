package dev.skein.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keys, signatures and did:keys made here must be accepted by {@code @atproto/crypto} and the other way
 * round; see {@code interop-node/crypto-check.mjs}.
 */
@RequiresNode
class CryptoNodeInteropTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEYS_PER_CURVE = 4;

    private enum Kind { VALID, HIGH_S, TAMPERED, DER, FORGED_X_ABOVE_ORDER }

    private record JavaCase(Kind kind, Curve curve, SigningKey key, String did, byte[] message, byte[] sig) {}

    @BeforeAll
    static void nodeIsRecentEnough() {
        NodeInterop.requireVersion();
    }

    @Test
    void javaAndAtprotoCryptoAgree() {
        List<byte[]> messages = messages();
        List<JavaCase> cases = javaCases(messages);
        List<Map<String, Object>> javaJson = new ArrayList<>();
        for (JavaCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alg", c.curve().jwtAlg());
            if (c.key() != null) {
                m.put("privateKeyHex", HEX.formatHex(c.key().privateBytes()));
            }
            m.put("did", c.did());
            m.put("messageHex", HEX.formatHex(c.message()));
            m.put("sigHex", HEX.formatHex(c.sig()));
            javaJson.add(m);
        }
        String stdin = JSON.writeValueAsString(Map.of(
                "java", javaJson,
                "nodeKeysPerCurve", KEYS_PER_CURVE,
                "messagesHex", messages.stream().map(HEX::formatHex).toList()));

        JsonNode out = JSON.readTree(NodeInterop.runOk("crypto-check.mjs", stdin));

        JsonNode checks = out.get("javaChecks");
        assertThat(checks.size()).isEqualTo(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            checkJavaCaseInNode(cases.get(i), checks.get(i));
        }

        JsonNode node = out.get("node");
        assertThat(node.size()).isEqualTo(2 * KEYS_PER_CURVE * messages.size());
        for (JsonNode n : node) {
            checkNodeCaseInJava(n);
        }
    }

    private static void checkJavaCaseInNode(JavaCase c, JsonNode check) {
        String what = c.kind() + " " + c.did() + " message " + HEX.formatHex(c.message());
        assertThat(check.get("parsedAlg").asString()).as(what).isEqualTo(c.curve().jwtAlg());
        assertThat(check.get("reformattedDid").asString()).as(what).isEqualTo(c.did());
        boolean javaStrict = c.key() == null
                ? DidKey.parse(c.did()).verify(c.message(), c.sig())
                : c.key().publicKey().verify(c.message(), c.sig());
        boolean javaLenient = DidKey.parse(c.did()).verifyLenient(c.message(), c.sig());
        switch (c.kind()) {
            case VALID, FORGED_X_ABOVE_ORDER -> {
                assertThat(accepted(check.get("strict"))).as(what).isTrue();
                assertThat(javaStrict).as(what).isTrue();
            }
            case HIGH_S -> {
                assertThat(accepted(check.get("strict"))).as(what).isFalse();
                assertThat(accepted(check.get("lenient"))).as(what).isTrue();
                assertThat(javaStrict).as(what).isFalse();
                assertThat(javaLenient).as(what).isTrue();
            }
            case TAMPERED -> {
                assertThat(accepted(check.get("lenient"))).as(what).isFalse();
                assertThat(javaLenient).as(what).isFalse();
            }
            case DER -> {
                // The reference's lenient mode also takes DER; ours does not (JWS signatures are r || s).
                assertThat(accepted(check.get("strict"))).as(what).isFalse();
                assertThat(javaStrict).as(what).isFalse();
                assertThat(javaLenient).as(what).isFalse();
            }
        }
        if (c.kind() == Kind.VALID) {
            assertThat(check.get("didFromPrivate").asString()).as(what).isEqualTo(c.did());
            // RFC 6979 on both sides: the same key and message give the same bytes.
            assertThat(check.get("nodeSigHex").asString()).as(what).isEqualTo(HEX.formatHex(c.sig()));
        }
    }

    /** The script reports true, false, or the error verifySignature threw. */
    private static boolean accepted(JsonNode result) {
        return result.isBoolean() && result.asBoolean();
    }

    private static void checkNodeCaseInJava(JsonNode n) {
        Curve curve = Curve.fromJwtAlg(n.get("alg").asString()).orElseThrow();
        String did = n.get("did").asString();
        byte[] message = HEX.parseHex(n.get("messageHex").asString());
        byte[] sig = HEX.parseHex(n.get("sigHex").asString());
        String what = "node " + did + " message " + n.get("messageHex").asString();
        SigningKey key = SigningKey.fromPrivateBytes(curve, HEX.parseHex(n.get("privateKeyHex").asString()));
        assertThat(key.publicKey().didKey()).as(what).isEqualTo(did);
        PublicKey parsed = DidKey.parse(did);
        assertThat(parsed.curve()).as(what).isEqualTo(curve);
        assertThat(parsed.verify(message, sig)).as(what).isTrue();
        assertThat(key.sign(message)).as(what).isEqualTo(sig);
        byte[] tampered = sig.clone();
        tampered[40] ^= 0x10;
        assertThat(parsed.verify(message, tampered)).as(what).isFalse();
        byte[] otherMessage = (HEX.formatHex(message) + "!").getBytes(StandardCharsets.UTF_8);
        assertThat(parsed.verify(otherMessage, sig)).as(what).isFalse();
        assertThat(parsed.verify(message, SignatureForms.highS(curve, sig))).as(what).isFalse();
    }

    private static List<byte[]> messages() {
        SecureRandom random = new SecureRandom();
        List<byte[]> messages = new ArrayList<>();
        messages.add(new byte[0]);
        messages.add("hello world".getBytes(StandardCharsets.UTF_8));
        for (int len : new int[] {32, 200, 1500}) {
            byte[] m = new byte[len];
            random.nextBytes(m);
            messages.add(m);
        }
        return messages;
    }

    private static List<JavaCase> javaCases(List<byte[]> messages) {
        List<JavaCase> cases = new ArrayList<>();
        for (Curve curve : Curve.values()) {
            for (int k = 0; k < KEYS_PER_CURVE; k++) {
                SigningKey key = SigningKey.generate(curve);
                String did = key.publicKey().didKey();
                for (byte[] message : messages) {
                    byte[] sig = key.sign(message);
                    cases.add(new JavaCase(Kind.VALID, curve, key, did, message, sig));
                    cases.add(new JavaCase(Kind.HIGH_S, curve, null, did, message, SignatureForms.highS(curve, sig)));
                    byte[] tampered = sig.clone();
                    tampered[5] ^= 0x01;
                    cases.add(new JavaCase(Kind.TAMPERED, curve, null, did, message, tampered));
                    cases.add(new JavaCase(Kind.DER, curve, null, did, message, SignatureForms.der(sig)));
                }
            }
            byte[] message = "x(R) >= n".getBytes(StandardCharsets.UTF_8);
            SignatureForms.Forged forged = SignatureForms.forgeWithXAboveOrder(curve, message);
            cases.add(new JavaCase(Kind.FORGED_X_ABOVE_ORDER, curve, null, forged.key().didKey(), message, forged.sig()));
        }
        return cases;
    }
}
