package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/language_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/language_syntax_invalid.txt").stream();
    }

    static Stream<String> notValidTags() {
        return InteropVectors.lines("syntax/language_parse_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(LanguageTag.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidSyntaxVector(String line) {
        assertThatThrownBy(() -> LanguageTag.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class,
                        e -> assertThat(e.kind()).isEqualTo("language tag"));
    }

    @ParameterizedTest
    @MethodSource("notValidTags")
    void rejectsRepeatedVariantsAndSingletons(String line) {
        assertThatThrownBy(() -> LanguageTag.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.reason()).contains("repeated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-yue-HK", "zh-yue-abc-def", "en-US-u-islamcal", "de-419", "x-whatever",
        "en-a-bb-b-cc", "en-x-a-b-c", "sr-Latn-RS", "es-005", "en-GB-oed", "i-klingon", "zh-min-nan", "art-lojban",
        "en-x-foo-x-foo", "en-1994-x-1994"})
    void acceptsOtherWellFormedTags(String value) {
        assertThat(LanguageTag.parse(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "en--US", "en-", "x", "x-", "en-x", "en-a", "en-a-b", "en-US-US",
        "en-abcdefghi", "zh-yue-abc-def-ghi", "en-Latn-Latn", "e\u00f1", "en_US", "EN", "english", "i-unknown",
        "en-US-a-b1-a-c2", "de-419-DE"})
    void rejectsOtherMalformedTags(String value) {
        assertThatThrownBy(() -> LanguageTag.parse(value)).isInstanceOf(InvalidSyntaxException.class);
    }
}
