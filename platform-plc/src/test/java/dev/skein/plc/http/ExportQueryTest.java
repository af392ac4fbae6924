package dev.skein.plc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExportQueryTest {

    private static ExportQuery parse(String count, String after) {
        return ExportQuery.parse(Optional.ofNullable(count), Optional.ofNullable(after));
    }

    @Test
    void withoutParametersItIsTheFirstTenFromTheStart() {
        assertThat(parse(null, null)).isEqualTo(new ExportQuery(10, Optional.empty()));
        assertThat(parse(null, "")).isEqualTo(new ExportQuery(10, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "10, 10", "999, 999", "1000, 1000", "1001, 1000", "0005, 5", "99999999999999999999, 1000"})
    void countIsCutToTheMaximum(String given, int expected) {
        assertThat(parse(given, null).count()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "000", "-1", "ten", "1.5", " 5", "5 ", "1e3", ""})
    void aCountThatIsNotAPositiveIntegerIs400(String given) {
        assertThatThrownBy(() -> parse(given, null)).isInstanceOfSatisfying(PlcHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Invalid count parameter");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-01T12:00:00.123Z, 2026-03-01T12:00:00.123Z",
        "2026-03-01T12:00:00Z, 2026-03-01T12:00:00Z",
        "2026-03-01T14:00:00+02:00, 2026-03-01T12:00:00Z",
        "2026-03-01T12:00:00.5, 2026-03-01T12:00:00.500Z",
        "2026-03-01, 2026-03-01T00:00:00Z",
        "2026-03-01T12:00:00.123456Z, 2026-03-01T12:00:00.123456Z"})
    void afterIsAnIsoTimeUtcUnlessItSaysOtherwise(String given, String expected) {
        assertThat(parse(null, given).after()).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-03-01 12:00:00", "12:00", "1700000000000", "42"})
    void anAfterThatIsNotATimeIs400(String given) {
        assertThatThrownBy(() -> parse(null, given)).isInstanceOfSatisfying(PlcHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("Invalid after parameter");
        });
    }
}
