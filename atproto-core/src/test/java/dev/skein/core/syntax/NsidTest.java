package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NsidTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/nsid_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/nsid_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        assertThat(Nsid.parse(line).toString()).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> Nsid.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("NSID"));
    }

    @Test
    void splitsAuthorityAndName() {
        Nsid nsid = Nsid.parse("com.atproto.repo.createRecord");
        assertThat(nsid.authority()).isEqualTo("repo.atproto.com");
        assertThat(nsid.name()).isEqualTo("createRecord");
        assertThat(Nsid.parse("a.b.c").authority()).isEqualTo("b.a");
    }

    @Test
    void normalizesOnlyTheAuthority() {
        Nsid nsid = Nsid.parse("One.Two.Three.FiVe");
        assertThat(nsid.authority()).isEqualTo("three.two.one");
        assertThat(nsid.name()).isEqualTo("FiVe");
        assertThat(nsid.normalized()).isEqualTo(Nsid.parse("one.two.three.FiVe"));
        assertThat(nsid).isNotEqualTo(nsid.normalized());
        Nsid lower = Nsid.parse("com.example.fooBar");
        assertThat(lower.normalized()).isSameAs(lower);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.3", "com.example", "com.example.", "com.example.a-b", "com..example.foo",
        "", "3com.example.foo", "com.example.foo.*"})
    void rejectsMalformedNsids(String value) {
        assertThatThrownBy(() -> Nsid.parse(value)).isInstanceOf(InvalidSyntaxException.class);
    }

    @Test
    void enforcesNameAndTotalLengthLimits() {
        assertThat(Nsid.parse("com.example." + "a".repeat(63)).name()).hasSize(63);
        assertThatThrownBy(() -> Nsid.parse("com.example." + "a".repeat(64)))
                .isInstanceOf(InvalidSyntaxException.class);
        String authority = "com." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "."
                + "e".repeat(57);
        String atLimit = authority + "." + "F".repeat(63);
        assertThat(atLimit).hasSize(Nsid.MAX_LENGTH);
        assertThat(Nsid.parse(atLimit).value()).isEqualTo(atLimit);
        assertThatThrownBy(() -> Nsid.parse(authority + "e." + "F".repeat(63)))
                .isInstanceOf(InvalidSyntaxException.class);
    }
}
