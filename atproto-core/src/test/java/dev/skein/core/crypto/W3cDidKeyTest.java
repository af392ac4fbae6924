package dev.skein.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.encoding.Base58Btc;
import dev.skein.testsupport.InteropVectors;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every case of {@code crypto/w3c_didkey_K256.json} and {@code crypto/w3c_didkey_P256.json}. */
class W3cDidKeyTest {
    record Case(Curve curve, byte[] privateKey, String didKey) {
        @Override
        public String toString() {
            return curve + " " + didKey;
        }
    }

    static List<Case> cases() {
        ObjectMapper json = new ObjectMapper();
        var k256 = StreamSupport.stream(json.readTree(InteropVectors.read("crypto/w3c_didkey_K256.json")).spliterator(), false)
                .map(c -> new Case(Curve.K256, HexFormat.of().parseHex(c.get("privateKeyBytesHex").asString()),
                        c.get("publicDidKey").asString()));
        var p256 = StreamSupport.stream(json.readTree(InteropVectors.read("crypto/w3c_didkey_P256.json")).spliterator(), false)
                .map(c -> new Case(Curve.P256, Base58Btc.decode(c.get("privateKeyBytesBase58").asString()),
                        c.get("publicDidKey").asString()));
        List<Case> all = java.util.stream.Stream.concat(k256, p256).toList();
        assertThat(all).hasSize(6);
        return all;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void privateKeyGivesTheSameDidKey(Case c) {
        SigningKey key = SigningKey.fromPrivateBytes(c.curve(), c.privateKey());
        assertThat(key.publicKey().didKey()).isEqualTo(c.didKey());
        assertThat(key.privateBytes()).isEqualTo(c.privateKey());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void didKeyParsesBackToThatKey(Case c) {
        PublicKey parsed = DidKey.parse(c.didKey());
        SigningKey key = SigningKey.fromPrivateBytes(c.curve(), c.privateKey());
        assertThat(parsed).isEqualTo(key.publicKey());
        assertThat(parsed.curve()).isEqualTo(c.curve());
        assertThat(parsed.didKey()).isEqualTo(c.didKey());
        assertThat(parsed.multibase()).startsWith(c.curve() == Curve.K256 ? "zQ3s" : "zDna");
        byte[] message = c.didKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(parsed.verify(message, key.sign(message))).isTrue();
    }
}
