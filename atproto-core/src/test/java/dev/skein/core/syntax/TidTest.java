package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TidTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/tid_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/tid_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        Tid tid = Tid.parse(line);
        assertThat(tid.toString()).isEqualTo(line);
        assertThat(BigInteger.valueOf(tid.asLong())).isEqualTo(decodeIndependently(line));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> Tid.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("TID"));
    }

    @Test
    void encodesTheLayoutBoundaries() {
        assertThat(Tid.of(0, 0)).isEqualTo(Tid.ZERO);
        assertThat(Tid.ZERO.toString()).isEqualTo("2222222222222");
        assertThat(Tid.of(0, 1).toString()).isEqualTo("2222222222223");
        assertThat(Tid.of(0, 32).toString()).isEqualTo("2222222222232");
        assertThat(Tid.of(1, 0).toString()).isEqualTo("2222222222322");
        assertThat(Tid.of(Tid.MAX_MICROS, Tid.MAX_CLOCK_ID).toString()).isEqualTo("bzzzzzzzzzzzz");
        assertThat(Tid.of(Tid.MAX_MICROS, Tid.MAX_CLOCK_ID).asLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decodesTheSpecExample() {
        Tid tid = Tid.parse("3jzfcijpj2z2a");
        BigInteger expected = decodeIndependently("3jzfcijpj2z2a");
        assertThat(tid.micros()).isEqualTo(expected.shiftRight(10).longValueExact());
        assertThat(tid.clockId()).isEqualTo(expected.intValue() & 1023);
        assertThat(Tid.of(tid.micros(), tid.clockId())).isEqualTo(tid);
    }

    @Test
    void roundTripsRandomValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 10_000; n++) {
            long micros = random.nextLong(Tid.MAX_MICROS + 1);
            int clockId = random.nextInt(Tid.MAX_CLOCK_ID + 1);
            Tid tid = Tid.of(micros, clockId);
            assertThat(tid.value()).hasSize(13);
            assertThat(tid.micros()).isEqualTo(micros);
            assertThat(tid.clockId()).isEqualTo(clockId);
            assertThat(tid.asLong()).isEqualTo((micros << 10) | clockId);
            assertThat(Tid.fromLong(tid.asLong())).isEqualTo(tid);
            assertThat(Tid.parse(tid.toString())).isEqualTo(tid);
            assertThat(BigInteger.valueOf(tid.asLong())).isEqualTo(decodeIndependently(tid.value()));
        }
    }

    @Test
    void stringOrderIsNumericOrder() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 10_000; n++) {
            long a = random.nextLong(Long.MAX_VALUE);
            long b = random.nextInt(4) == 0 ? a + random.nextInt(3) - 1 : random.nextLong(Long.MAX_VALUE);
            if (b < 0) {
                continue;
            }
            assertThat(Integer.signum(Tid.fromLong(a).compareTo(Tid.fromLong(b))))
                    .isEqualTo(Long.signum(Long.compare(a, b)));
        }
    }

    @Test
    void parsedTidsMayCarryTheTopBit() {
        Tid high = Tid.parse("jzzzzzzzzzzzz");
        assertThat(high.asLong()).isEqualTo(-1L);
        assertThat(high.micros()).isEqualTo(Tid.MAX_MICROS);
        assertThat(high.clockId()).isEqualTo(Tid.MAX_CLOCK_ID);
        assertThat(high).isGreaterThan(Tid.of(Tid.MAX_MICROS, Tid.MAX_CLOCK_ID));
    }

    @Test
    void rejectsOutOfRangeParts() {
        assertThatThrownBy(() -> Tid.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tid.of(Tid.MAX_MICROS + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tid.of(0, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tid.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tid.fromLong(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tid.parse(null)).isInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> Tid.parse("22222222222\u00e92")).isInstanceOf(InvalidSyntaxException.class);
    }

    /** Base32-sortable decoding written a second, simpler way, as an independent check. */
    private static BigInteger decodeIndependently(String tid) {
        BigInteger v = BigInteger.ZERO;
        for (char c : tid.toCharArray()) {
            v = v.shiftLeft(5).add(BigInteger.valueOf("234567abcdefghijklmnopqrstuvwxyz".indexOf(c)));
        }
        return v.testBit(63) ? v.subtract(BigInteger.ONE.shiftLeft(64)) : v;
    }
}
