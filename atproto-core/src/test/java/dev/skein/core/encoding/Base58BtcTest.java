package dev.skein.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.encoding.Base58Btc.InvalidBase58Exception;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base58BtcTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Bitcoin's base58 vectors, cross-checked with multiformats' base58btc under Node. */
    @ParameterizedTest
    @CsvSource(emptyValue = "", value = {
        "'', ''",
        "00, 1",
        "0000, 11",
        "000001, 112",
        "61, 2g",
        "626262, a3gV",
        "636363, aPEr",
        "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "516b6fcd0f, ABnLTmg",
        "bf4f89001e670274dd, 3SEo3LWLoPntC",
        "572e4794, 3EFU7m",
        "ecac89cad93923c02321, EJDM8drfXA6uyA",
        "10c8511e, Rt5zm",
        "00000000000000000000, 1111111111",
        "48656c6c6f20576f726c6421, 2NEpo7TZRRrLZSi2U",
        "0000287fb4cd, 11233QC4",
    })
    void knownVectors(String hex, String text) {
        byte[] bytes = HEX.parseHex(hex);
        assertThat(Base58Btc.encode(bytes)).isEqualTo(text);
        assertThat(Base58Btc.decode(text)).isEqualTo(bytes);
    }

    @Test
    void randomRoundTrips() {
        Random random = new Random(58);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            for (int z = 0; z < bytes.length && random.nextInt(4) == 0; z++) {
                bytes[z] = 0;
            }
            String text = Base58Btc.encode(bytes);
            assertThat(text).matches("[1-9A-HJ-NP-Za-km-z]*");
            assertThat(Base58Btc.decode(text)).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "abc0", "2NEpo7TZRRrLZSi2U!", " 2g", "2g ", "é", "+", "/"})
    void rejectsCharactersOutsideTheAlphabet(String text) {
        assertThatThrownBy(() -> Base58Btc.decode(text))
                .isInstanceOfSatisfying(InvalidBase58Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidBase58Exception.Reason.INVALID_CHARACTER);
                    assertThat(text.charAt(e.position())).isEqualTo(e.character());
                });
    }

    @Test
    void rejectsTextLongerThanTheLimit() {
        String ok = "2".repeat(Base58Btc.MAX_ENCODED_LENGTH);
        assertThat(Base58Btc.encode(Base58Btc.decode(ok))).isEqualTo(ok);
        assertThatThrownBy(() -> Base58Btc.decode(ok + "2"))
                .isInstanceOfSatisfying(InvalidBase58Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidBase58Exception.Reason.TOO_LONG);
                    assertThat(e.position()).isEqualTo(Base58Btc.MAX_ENCODED_LENGTH + 1);
                });
    }
}
