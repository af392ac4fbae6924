package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DidTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/did_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/did_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(Did.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> Did.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> {
                    assertThat(e.kind()).isEqualTo("DID");
                    assertThat(e.value()).isEqualTo(line);
                });
    }

    @Test
    void splitsMethodAndIdentifier() {
        Did did = Did.parse("did:web:localhost%3A1234");
        assertThat(did.method()).isEqualTo("web");
        assertThat(did.identifier()).isEqualTo("localhost%3A1234");
        assertThat(Did.parse("did:method::::val").identifier()).isEqualTo(":::val");
    }

    @Test
    void enforcesTheLengthLimitExactly() {
        String prefix = "did:plc:";
        String atLimit = prefix + "a".repeat(Did.MAX_LENGTH - prefix.length());
        assertThat(Did.parse(atLimit).value()).hasSize(Did.MAX_LENGTH);
        assertThatThrownBy(() -> Did.parse(atLimit + "a")).isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("longer than 2048");
    }

    @Test
    void rejectsNullAndEmpty() {
        assertThatThrownBy(() -> Did.parse(null)).isInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> Did.parse("")).isInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> Did.parse("did::val")).isInstanceOf(InvalidSyntaxException.class);
    }
}
