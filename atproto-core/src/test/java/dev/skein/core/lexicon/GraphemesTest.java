package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GraphemesTest {
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66";
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA";

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("empty", "", 0),
                Arguments.of("ascii", "abc", 3),
                Arguments.of("e + combining acute", "e\u0301", 1),
                Arguments.of("family ZWJ sequence", FAMILY, 1),
                Arguments.of("two families", FAMILY + FAMILY, 2),
                Arguments.of("rainbow flag: white flag, VS16, ZWJ, rainbow", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", 1),
                Arguments.of("regional indicator pair", FLAG_DE, 1),
                Arguments.of("three regional indicators", FLAG_DE + "\uD83C\uDDE9", 2),
                Arguments.of("thumbs up with skin tone", "\uD83D\uDC4D\uD83C\uDFFD", 1),
                Arguments.of("hangul jamo syllable", "\u1100\u1161\u11A8", 1),
                Arguments.of("CR LF is one cluster", "a\r\nb", 3),
                Arguments.of("devanagari conjunct", "\u0915\u094D\u0937", 1),
                Arguments.of("mixed", "hi " + FAMILY + "!", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void countsExtendedGraphemeClusters(String name, String text, int expected) {
        assertThat(Graphemes.count(text, Integer.MAX_VALUE - 1)).isEqualTo(expected);
        assertThat(Graphemes.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest(name = "stop after {0}")
    @CsvSource({"0, 1", "1, 2", "2, 3", "5, 5"})
    void stopsOnePastTheLimit(int stopAfter, int expected) {
        assertThat(Graphemes.count(FLAG_DE.repeat(5), stopAfter)).isEqualTo(expected);
    }
}
