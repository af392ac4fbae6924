package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/uri_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/uri_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(Uri.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> Uri.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("URI"));
    }

    @Test
    void exposesTheSchemeLowercased() {
        assertThat(Uri.parse("HTTPS://example.com").scheme()).isEqualTo("https");
        assertThat(Uri.parse("microsoft.windows.camera:thing").scheme()).isEqualTo("microsoft.windows.camera");
        assertThat(Uri.parse("ipfs+x:bafy").scheme()).isEqualTo("ipfs+x");
    }

    @Test
    void enforcesTheLengthLimitExactly() {
        String prefix = "https://example.com/";
        String atLimit = prefix + "x".repeat(Uri.MAX_LENGTH - prefix.length());
        assertThat(Uri.parse(atLimit).value()).hasSize(Uri.MAX_LENGTH);
        assertThatThrownBy(() -> Uri.parse(atLimit + "x")).isInstanceOf(InvalidSyntaxException.class);
    }

    @Test
    void acceptsRawUnicodeLikeTheReference() {
        assertThat(Uri.parse("https://ex\u00e4mple.com/s\u00f8k?q=\u4e2d").scheme()).isEqualTo("https");
        String multiByte = "https://example.com/" + "\u00e4".repeat(Uri.MAX_LENGTH / 2);
        assertThatThrownBy(() -> Uri.parse(multiByte)).isInstanceOf(InvalidSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/\u00a0nbsp", "https://example.com/\ttab", "https://example.com/\u0000",
        "1http://example.com", "+http://x", "ht tp://x", ":", "a:", ""})
    void rejectsOtherForms(String value) {
        assertThatThrownBy(() -> Uri.parse(value)).isInstanceOf(InvalidSyntaxException.class);
    }
}
