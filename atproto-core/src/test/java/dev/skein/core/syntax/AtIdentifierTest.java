package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AtIdentifierTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/atidentifier_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/atidentifier_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        AtIdentifier id = AtIdentifier.parse(line);
        assertThat(id.toString()).isEqualTo(line);
        assertThat(id).isInstanceOf(line.startsWith("did:") ? Did.class : Handle.class);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> AtIdentifier.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class,
                        e -> assertThat(e.kind()).isEqualTo("at-identifier"));
    }

    @Test
    void picksTheVariantThatSwitchesCanMatch() {
        String kind = switch (AtIdentifier.parse("did:plc:7iza6de2dwap2sbkpav7c6c6")) {
            case Did d -> "did " + d.method();
            case Handle h -> "handle " + h.normalized();
        };
        assertThat(kind).isEqualTo("did plc");
        assertThat(AtIdentifier.parse("John.Test")).isEqualTo(Handle.parse("John.Test"));
    }

    @Test
    void reportsTheUnderlyingReason() {
        assertThatThrownBy(() -> AtIdentifier.parse("did:METHOD:val"))
                .hasMessageContaining("DID")
                .hasCauseInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> AtIdentifier.parse(null)).isInstanceOf(InvalidSyntaxException.class);
    }
}
