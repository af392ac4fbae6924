package dev.skein.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict DRISL rules, each with bytes that break it. */
class DrislTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "indefinite map,        bf 61 61 01 ff,            NON_CANONICAL",
        "indefinite array,      9f 01 ff,                  NON_CANONICAL",
        "indefinite text,       7f 61 61 ff,               NON_CANONICAL",
        "non-minimal int,       18 01,                     NON_CANONICAL",
        "non-minimal int16,     19 00 ff,                  NON_CANONICAL",
        "non-minimal length,    78 01 61,                  NON_CANONICAL",
        "double float,          fb 3f f0 00 00 00 00 00 00, FLOAT",
        "half float,            f9 3c 00,                  FLOAT",
        "date tag,              c1 01,                     UNSUPPORTED_TAG",
        "bignum tag (Jackson folds it into a big integer), c2 41 01, INTEGER_OUT_OF_RANGE",
        "tag 42 on text,        d8 2a 61 61,               UNSUPPORTED_TAG",
        "tag 42 without 0x00,   d8 2a 42 01 71,            INVALID_CID",
        "tag 42 bad cid,        d8 2a 43 00 01 71,         INVALID_CID",
        "duplicate key,         a2 61 61 01 61 61 02,      DUPLICATE_KEY",
        "length-first order,    a2 62 61 61 01 61 62 02,   NON_CANONICAL",
        "bytewise order,        a2 61 62 01 61 61 02,      NON_CANONICAL",
        "undefined,             f7,                        MALFORMED",
        "uint64 over long,      1b ff ff ff ff ff ff ff ff, INTEGER_OUT_OF_RANGE",
        "nint64 under long,     3b 80 00 00 00 00 00 00 00, INTEGER_OUT_OF_RANGE",
        "truncated map,         a1 61,                     TRUNCATED",
        "trailing bytes,        01 02,                     TRAILING_BYTES",
        "$type null,            a1 65 24 74 79 70 65 f6,   INVALID_DATA",
        "empty input,           '',                        TRUNCATED",
    })
    void rejects(String name, String bytes, DrislException.Reason reason) {
        assertThatThrownBy(() -> Drisl.decode(hex(bytes)))
                .isInstanceOf(DrislException.class)
                .extracting(e -> ((DrislException) e).reason())
                .isEqualTo(reason);
    }

    @Test
    void rejectsNonTextKeys() {
        assertThatThrownBy(() -> Drisl.decode(hex("a1 01 02"))).isInstanceOf(DrislException.class);
        assertThatThrownBy(() -> Drisl.decode(hex("a1 41 61 02"))).isInstanceOf(DrislException.class);
    }

    @Test
    void acceptsExtremeIntegers() {
        assertThat(Drisl.decode(hex("1b 7f ff ff ff ff ff ff ff"))).isEqualTo(new IntValue(Long.MAX_VALUE));
        assertThat(Drisl.decode(hex("3b 7f ff ff ff ff ff ff ff"))).isEqualTo(new IntValue(Long.MIN_VALUE));
        assertThat(Drisl.encode(new IntValue(Long.MIN_VALUE))).isEqualTo(hex("3b 7f ff ff ff ff ff ff ff"));
    }

    @Test
    void encodesShortestIntegerHeads() {
        assertThat(Drisl.encode(new IntValue(23))).isEqualTo(hex("17"));
        assertThat(Drisl.encode(new IntValue(24))).isEqualTo(hex("18 18"));
        assertThat(Drisl.encode(new IntValue(-25))).isEqualTo(hex("38 18"));
        assertThat(Drisl.encode(new IntValue(256))).isEqualTo(hex("19 01 00"));
        assertThat(Drisl.encode(new IntValue(70000))).isEqualTo(hex("1a 00 01 11 70"));
        assertThat(Drisl.encode(new IntValue(5_000_000_000L))).isEqualTo(hex("1b 00 00 00 01 2a 05 f2 00"));
    }

    @Test
    void sortsKeysByUtf8LengthThenBytes() {
        Map<String, DataValue> m = new LinkedHashMap<>();
        m.put("é", new IntValue(1)); // 2 UTF-8 bytes: c3 a9
        m.put("ab", new IntValue(2));
        m.put("b", new IntValue(3));
        m.put("aaa", new IntValue(4));
        MapValue map = MapValue.of(m);
        assertThat(map.keys()).containsExactly("b", "ab", "é", "aaa");
        assertThat(Drisl.decode(Drisl.encode(map))).isEqualTo(map);
    }

    @Test
    void longTextAndKeysUseDefiniteLengths() {
        String big = "x".repeat(10_000);
        MapValue map = MapValue.builder().put(big, big).build();
        byte[] cbor = Drisl.encode(map);
        assertThat(cbor[0]).isEqualTo((byte) 0xa1);
        assertThat(cbor[1]).isEqualTo((byte) 0x79); // text, 2-byte length
        assertThat(cbor[1 + 3 + 10_000]).isEqualTo((byte) 0x79);
        assertThat(Drisl.decode(cbor, new DataLimits(1 << 20, 32, 10, 16_384))).isEqualTo(map);
        assertThatThrownBy(() -> Drisl.decode(cbor)).isInstanceOf(DrislException.class)
                .extracting(e -> ((DrislException) e).reason()).isEqualTo(DrislException.Reason.KEY_TOO_LONG);
    }

    @Test
    void cidLinksAreTag42WithZeroPrefix() {
        Cid cid = Cid.parse("bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a");
        byte[] cbor = Drisl.encode(new LinkValue(cid));
        assertThat(HexFormat.of().formatHex(cbor, 0, 5)).isEqualTo("d82a582500");
        assertThat(Drisl.decode(cbor)).isEqualTo(new LinkValue(cid));
    }

    @Test
    void enforcesLimits() {
        byte[] deep = new byte[41];
        java.util.Arrays.fill(deep, 0, 40, (byte) 0x81);
        deep[40] = 0x01;
        assertThatThrownBy(() -> Drisl.decode(deep)).isInstanceOf(DrislException.class)
                .extracting(e -> ((DrislException) e).reason()).isEqualTo(DrislException.Reason.TOO_DEEP);

        byte[] four = Drisl.encode(new ArrayValue(List.of(new IntValue(1), new IntValue(2), new IntValue(3), new IntValue(4))));
        assertThatThrownBy(() -> Drisl.decode(four, new DataLimits(1000, 32, 3, 100)))
                .extracting(e -> ((DrislException) e).reason()).isEqualTo(DrislException.Reason.TOO_MANY_ELEMENTS);
        assertThatThrownBy(() -> Drisl.decode(four, new DataLimits(4, 32, 100, 100)))
                .extracting(e -> ((DrislException) e).reason()).isEqualTo(DrislException.Reason.TOO_LARGE);
        // a header that claims four billion elements is not trusted
        assertThatThrownBy(() -> Drisl.decode(hex("9a ff ff ff ff 01")))
                .isInstanceOf(DrislException.class);
    }

    @Test
    void decodesConcatenatedItems() {
        byte[] two = hex("a1 61 74 01 a1 61 6f 02");
        Drisl.Decoded first = Drisl.decodePrefix(two, 0, DataLimits.FRAME);
        assertThat(first.end()).isEqualTo(4);
        assertThat(((MapValue) first.value()).getInt("t")).contains(1L);
        Drisl.Decoded second = Drisl.decodePrefix(two, first.end(), DataLimits.FRAME);
        assertThat(second.end()).isEqualTo(two.length);
        assertThat(((MapValue) second.value()).getInt("o")).contains(2L);
    }

    @Test
    void bytesRoundTrip() {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        DataValue v = new BytesValue(data);
        assertThat(Drisl.decode(Drisl.encode(v))).isEqualTo(v);
        assertThat(Drisl.encode(v)[0]).isEqualTo((byte) 0x59);
    }
}
