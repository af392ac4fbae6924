package dev.skein.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.skein.core.cid.Cid;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Our DRISL codec against {@code @ipld/dag-cbor}: 1,000 random values each way give identical bytes and
 * CIDs, and every CBOR input that {@code @ipld/dag-cbor} rejects is rejected by ours too.
 */
@RequiresNode
class DrislNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode call(Map<String, Object> request) {
        return JSON.readTree(NodeInterop.runOk("drisl-check.mjs", JSON.writeValueAsString(request)));
    }

    @Test
    void ourEncodingsAreByteIdenticalInDagCbor() {
        RandomValues random = new RandomValues(20261121L);
        List<MapValue> values = new ArrayList<>();
        List<String> hex = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            MapValue v = random.record();
            values.add(v);
            hex.add(HEX.formatHex(Drisl.encode(v)));
        }
        JsonNode answers = call(Map.of("mode", "reencode", "items", hex));
        assertThat(answers.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            JsonNode a = answers.get(i);
            assertThat(a.get("ok").asBoolean()).as("dag-cbor decodes #%d %s: %s", i, values.get(i), a).isTrue();
            assertThat(a.get("hex").asString()).as("re-encoded bytes of #%d", i).isEqualTo(hex.get(i));
            assertThat(a.get("cid").asString()).isEqualTo(Cid.ofDrisl(HEX.parseHex(hex.get(i))).toString());
        }
    }

    @Test
    void dagCborEncodingsDecodeAndReencodeIdentically() {
        JsonNode generated = call(Map.of("mode", "generate", "count", 1000, "seed", 424242));
        assertThat(generated.size()).isEqualTo(1000);
        for (JsonNode g : generated) {
            byte[] bytes = HEX.parseHex(g.get("hex").asString());
            DataValue v = Drisl.decode(bytes);
            assertThat(Drisl.encode(v)).isEqualTo(bytes);
            assertThat(Cid.ofDrisl(Drisl.encode(v)).toString()).isEqualTo(g.get("cid").asString());
        }
    }

    @Test
    void whatDagCborRejectsWeRejectAndWhatItAcceptsCanonicallyWeAccept() {
        RandomValues random = new RandomValues(77L);
        List<byte[]> corpus = new ArrayList<>();
        for (String h : List.of("bf6161 01ff", "9f01ff", "7f6161ff", "1801", "780161", "a2616101616102",
                "a1010 2", "d82a420171", "c101", "f7", "fb3ff0000000000000", "a16524747970 65f6", "01 02", "a161")) {
            corpus.add(HEX.parseHex(h.replace(" ", "")));
        }
        for (int i = 0; i < 2000; i++) {
            corpus.add(random.mutate(Drisl.encode(random.record())));
        }
        List<String> hex = corpus.stream().map(HEX::formatHex).toList();
        JsonNode answers = call(Map.of("mode", "reencode", "items", hex));
        int rejectedByBoth = 0;
        int acceptedByBoth = 0;
        for (int i = 0; i < corpus.size(); i++) {
            byte[] input = corpus.get(i);
            JsonNode a = answers.get(i);
            boolean theyAccept = a.get("ok").asBoolean();
            boolean canonical = theyAccept && a.get("hex").asString().equals(hex.get(i));
            if (!theyAccept) {
                assertThatThrownBy(() -> Drisl.decode(input))
                        .as("dag-cbor rejects %s (%s), so must we", hex.get(i), a.get("error"))
                        .isInstanceOf(DrislException.class);
                rejectedByBoth++;
            } else if (canonical) {
                try {
                    assertThat(Drisl.encode(Drisl.decode(input))).isEqualTo(input);
                    acceptedByBoth++;
                } catch (DrislException e) {
                    // Stricter than dag-cbor only where DRISL is: floats, and atproto's data rules ($type).
                    assertThat(e.reason()).as("we reject canonical %s: %s", hex.get(i), e.getMessage())
                            .isIn(DrislException.Reason.FLOAT, DrislException.Reason.INVALID_DATA,
                                    DrislException.Reason.INTEGER_OUT_OF_RANGE);
                }
            } else {
                // dag-cbor accepted a non-canonical form (it re-encodes differently): DRISL requires rejecting it.
                assertThatThrownBy(() -> Drisl.decode(input)).isInstanceOf(DrislException.class);
            }
        }
        if (rejectedByBoth < 500 || acceptedByBoth < 100) {
            fail("corpus too one-sided: " + rejectedByBoth + " rejected, " + acceptedByBoth + " accepted");
        }
    }
}
