package dev.skein.core.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CidTest {
    static List<String> validSyntax() {
        return InteropVectors.lines("syntax/cid_syntax_valid.txt");
    }

    static List<String> invalidSyntax() {
        return InteropVectors.lines("syntax/cid_syntax_invalid.txt");
    }

    @ParameterizedTest
    @MethodSource("validSyntax")
    void acceptsValidCidSyntax(String s) {
        assertThat(Cid.isValidSyntax(s)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidSyntax")
    void rejectsInvalidCidSyntax(String s) {
        assertThat(Cid.isValidSyntax(s)).isFalse();
        assertThatThrownBy(() -> Cid.parse(s)).isInstanceOf(InvalidCidException.class);
    }

    @Test
    void base32CidsRoundTrip() {
        for (String s : validSyntax()) {
            if (s.startsWith("b")) {
                Cid cid = Cid.parse(s);
                assertThat(cid.toString()).isEqualTo(s);
                assertThat(Cid.fromBytes(cid.toBytes())).isEqualTo(cid);
            }
        }
    }

    @Test
    void drislAndRawCidsAreBlessed() {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        Cid drisl = Cid.ofDrisl(data);
        Cid raw = Cid.ofRaw(data);
        assertThat(drisl.toString()).startsWith("bafyrei");
        assertThat(raw.toString()).startsWith("bafkrei");
        assertThat(drisl.isBlessed()).isTrue();
        assertThat(raw.isBlessed()).isTrue();
        assertThat(drisl.byteLength()).isEqualTo(36);
        assertThat(drisl.matches(data)).isTrue();
        assertThat(drisl.matches("hellO".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(drisl.codec()).isEqualTo(Cid.CODEC_DRISL);
        assertThat(raw.codec()).isEqualTo(Cid.CODEC_RAW);
        // dag-pb CIDv1 (bafybei…) is well formed but not blessed
        assertThat(Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi").isBlessed()).isFalse();
    }

    @Test
    void rejectsMalformedBinary() {
        byte[] good = Cid.ofDrisl(new byte[] {1}).toBytes();
        assertThatThrownBy(() -> Cid.fromBytes(java.util.Arrays.copyOf(good, 20))).isInstanceOf(InvalidCidException.class);
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> Cid.fromBytes(longer)).isInstanceOf(InvalidCidException.class);
        byte[] v2 = good.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> Cid.fromBytes(v2)).isInstanceOf(InvalidCidException.class);
        assertThatThrownBy(() -> Cid.parse("zdj7WWeQ43G6JJvLWQWZpyHuAMq6uYWRjkBXFad11vE2LHhQ7")).isInstanceOf(InvalidCidException.class);
        assertThatThrownBy(() -> Cid.parse("bafyreiBAD")).isInstanceOf(InvalidCidException.class);
    }

    @Test
    void ordersByBinaryForm() {
        Cid a = Cid.ofDrisl(new byte[] {1});
        Cid b = Cid.ofDrisl(new byte[] {2});
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(java.util.Arrays.compareUnsigned(a.toBytes(), b.toBytes())));
        assertThat(a).isEqualTo(Cid.parse(a.toString())).hasSameHashCodeAs(Cid.parse(a.toString()));
    }
}
