package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordKeyTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/recordkey_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/recordkey_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(RecordKey.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> RecordKey.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class,
                        e -> assertThat(e.kind()).isEqualTo("record key"));
    }

    @Test
    void isCaseSensitive() {
        assertThat(RecordKey.parse("Self")).isNotEqualTo(RecordKey.parse("self"));
    }

    @Test
    void wrapsATid() {
        Tid tid = Tid.parse("3jzfcijpj2z2a");
        assertThat(RecordKey.of(tid)).isEqualTo(RecordKey.parse("3jzfcijpj2z2a"));
    }

    @Test
    void rejectsEmptyAndNull() {
        assertThatThrownBy(() -> RecordKey.parse("")).isInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> RecordKey.parse(null)).isInstanceOf(InvalidSyntaxException.class);
    }
}
