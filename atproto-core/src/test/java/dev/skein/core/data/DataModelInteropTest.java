package dev.skein.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.testsupport.InteropVectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The data-model interop vectors: JSON → DRISL bytes → CID byte-exact, valid accepted, invalid rejected. */
class DataModelInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> fixtures() {
        return cases("data-model/data-model-fixtures.json");
    }

    static Stream<Arguments> valid() {
        return cases("data-model/data-model-valid.json");
    }

    static Stream<Arguments> invalid() {
        return cases("data-model/data-model-invalid.json");
    }

    private static Stream<Arguments> cases(String file) {
        JsonNode root = JSON.readTree(InteropVectors.read(file));
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            String name = n.has("note") ? n.get("note").asString() : file + "#" + i;
            out.add(Arguments.of(name, n));
            i++;
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureJsonEncodesToExactBytesAndCid(String name, JsonNode fixture) {
        byte[] json = JSON.writeValueAsBytes(fixture.get("json"));
        byte[] expected = Base64.getDecoder().decode(fixture.get("cbor_base64").asString());
        DataValue value = DataJson.parse(json);

        byte[] cbor = Drisl.encode(value);
        assertThat(cbor).isEqualTo(expected);
        assertThat(Cid.ofDrisl(cbor).toString()).isEqualTo(fixture.get("cid").asString());

        // and back: the bytes decode to the same value, which writes JSON that parses to it again
        DataValue decoded = Drisl.decode(expected);
        assertThat(decoded).isEqualTo(value);
        assertThat(DataJson.parse(DataJson.write(decoded))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validJsonIsAccepted(String name, JsonNode fixture) {
        byte[] json = JSON.writeValueAsBytes(fixture.get("json"));
        MapValue value = DataJson.parseObject(json, DataLimits.RECORD);
        assertThat(Drisl.decode(Drisl.encode(value))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidJsonIsRejected(String name, JsonNode fixture) {
        byte[] json = JSON.writeValueAsBytes(fixture.get("json"));
        assertThatThrownBy(() -> DataJson.parseObject(json, DataLimits.RECORD))
                .isInstanceOf(InvalidDataException.class);
    }
}
