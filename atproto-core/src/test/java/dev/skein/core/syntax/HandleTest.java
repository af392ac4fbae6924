package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/handle_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/handle_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(Handle.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> Handle.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("handle"));
    }

    @Test
    void normalizesToLowercaseButKeepsTheOriginal() {
        Handle h = Handle.parse("XX.LCS.MIT.EDU");
        assertThat(h.value()).isEqualTo("XX.LCS.MIT.EDU");
        assertThat(h.normalized()).isEqualTo(Handle.parse("xx.lcs.mit.edu"));
        assertThat(h.tld()).isEqualTo("edu");
        Handle lower = Handle.parse("john.test");
        assertThat(lower.normalized()).isSameAs(lower);
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop.local", "blah.arpa", "expyuzz4wqqyqhjn.onion", "a.ALT", "x.example",
        "x.internal", "handle.invalid", "a.localhost"})
    void flagsDisallowedTlds(String value) {
        assertThat(Handle.parse(value).hasDisallowedTld()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.test", "jay.bsky.social", "local.com", "onion.example.com", "a.co"})
    void allowsOrdinaryTlds(String value) {
        assertThat(Handle.parse(value).hasDisallowedTld()).isFalse();
    }

    @Test
    void knowsTheInvalidMarker() {
        assertThat(Handle.INVALID.toString()).isEqualTo("handle.invalid");
        assertThat(Handle.INVALID.isInvalidMarker()).isTrue();
        assertThat(Handle.parse("Handle.Invalid").isInvalidMarker()).isTrue();
        assertThat(Handle.parse("other.invalid").isInvalidMarker()).isFalse();
        assertThat(Handle.parse("john.test").isInvalidMarker()).isFalse();
    }

    @Test
    void enforcesTheLengthLimitExactly() {
        String label = "a".repeat(63);
        String atLimit = label + "." + label + "." + label + "." + "b".repeat(61);
        assertThat(atLimit).hasSize(Handle.MAX_LENGTH);
        assertThat(Handle.parse(atLimit).value()).isEqualTo(atLimit);
        assertThatThrownBy(() -> Handle.parse(atLimit + "b")).isInstanceOf(InvalidSyntaxException.class);
    }
}
