package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatetimeTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/datetime_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/datetime_syntax_invalid.txt").stream();
    }

    static Stream<String> unparseable() {
        return InteropVectors.lines("syntax/datetime_parse_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVector(String line) {
        Datetime datetime = Datetime.parse(line);
        assertThat(datetime.toString()).isEqualTo(line);
        assertThat(datetime.toInstant()).isEqualTo(viaJavaTime(line));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidSyntaxVector(String line) {
        assertThatThrownBy(() -> Datetime.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("datetime"));
    }

    @ParameterizedTest
    @MethodSource("unparseable")
    void rejectsUnparseableVector(String line) {
        assertThatThrownBy(() -> Datetime.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("datetime"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-04-31T00:00:00Z", "1985-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "1985-04-12T23:59:60Z", "1985-04-12T24:00:00Z", "1985-04-12T23:20:50.123+24:00",
        "1985-04-12T23:20:50.123+01:60", "9999-12-31T23:00:00-01:00", "1985-04-12T23:20:50,123Z",
        "1985-04-12T23:20:50.１２３Z", "１985-04-12T23:20:50Z", ""})
    void rejectsImpossibleOrOutOfRangeTimes(String value) {
        assertThatThrownBy(() -> Datetime.parse(value)).isInstanceOf(InvalidSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-02-29T00:00:00Z", "1984-02-29T12:00:00.5+05:30", "9999-12-31T23:59:59.999999999Z",
        "0000-01-01T01:00:00+01:00", "9999-12-31T22:00:00-01:00"})
    void acceptsEdgeTimes(String value) {
        assertThat(Datetime.parse(value).toInstant()).isEqualTo(viaJavaTime(value));
    }

    @Test
    void dropsFractionDigitsBeyondNanoseconds() {
        assertThat(Datetime.parse("1985-04-12T23:20:50.1235678912345Z").toInstant())
                .isEqualTo(Instant.parse("1985-04-12T23:20:50.123567891Z"));
    }

    @Test
    void nowHasMillisecondPrecisionAndZ() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Datetime now = Datetime.now();
        assertThat(now.toString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(now.toInstant()).isAfterOrEqualTo(before);
    }

    @Test
    void formatsInstantsInThePreferredForm() {
        assertThat(Datetime.of(Instant.parse("1985-04-12T23:20:50Z")).toString())
                .isEqualTo("1985-04-12T23:20:50.000Z");
        assertThat(Datetime.of(Instant.parse("1985-04-12T23:20:50.120Z")).toString())
                .isEqualTo("1985-04-12T23:20:50.120Z");
        assertThat(Datetime.of(Instant.parse("1985-04-12T23:20:50.123456Z")).toString())
                .isEqualTo("1985-04-12T23:20:50.123456Z");
        assertThat(Datetime.of(Instant.parse("0001-01-01T00:00:00.000000001Z")).toString())
                .isEqualTo("0001-01-01T00:00:00.000000001Z");
        assertThatThrownBy(() -> Datetime.of(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(InvalidSyntaxException.class);
        assertThatThrownBy(() -> Datetime.of(Instant.parse("-0001-12-31T23:59:59Z")))
                .isInstanceOf(InvalidSyntaxException.class);
    }

    @Test
    void keepsTheStringExactly() {
        Datetime a = Datetime.parse("1985-04-12T23:20:50.120Z");
        Datetime b = Datetime.parse("1985-04-12T23:20:50.12Z");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toInstant()).isEqualTo(b.toInstant());
    }

    /**
     * The same value read by java.time's own ISO parser, as an independent check; it takes at most nine fraction
     * digits, so longer fractions are cut to nanoseconds first, as {@link Datetime#toInstant()} does.
     */
    private static Instant viaJavaTime(String value) {
        String nanos = value.replaceFirst("(\\.\\d{9})\\d+", "$1");
        return OffsetDateTime.parse(nanos, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
