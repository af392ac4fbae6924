package dev.skein.plc.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query of {@code GET /export}: {@code count} (default {@value #DEFAULT_COUNT}, at most
 * {@value #MAX_COUNT}; more is cut to the maximum) and {@code after}, an ISO 8601 time: only operations
 * accepted after it. A time without an offset is UTC.
 *
 * @param count how many operations to return
 * @param after the cursor: the {@code createdAt} of the last operation already read
 */
record ExportQuery(int count, Optional<Instant> after) {
    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 1000;
    private static final int MAX_COUNT_DIGITS = 9;
    private static final List<Function<String, Instant>> TIME_FORMS = List.of(
            s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
            s -> LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC));

    static ExportQuery parse(Optional<String> count, Optional<String> after) {
        return new ExportQuery(count.map(ExportQuery::count).orElse(DEFAULT_COUNT),
                after.filter(s -> !s.isEmpty()).map(ExportQuery::after));
    }

    private static int count(String text) {
        if (!text.matches("[0-9]+")) {
            throw new PlcHttpException(400, "Invalid count parameter");
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        int n = digits.length() > MAX_COUNT_DIGITS ? MAX_COUNT : Integer.parseInt(digits);
        if (n < 1) {
            throw new PlcHttpException(400, "Invalid count parameter");
        }
        return Math.min(n, MAX_COUNT);
    }

    private static Instant after(String text) {
        if (text.matches("[0-9]+")) {
            throw new PlcHttpException(400, "Invalid after parameter: sequence-number cursors are not supported, use a timestamp");
        }
        for (Function<String, Instant> form : TIME_FORMS) {
            try {
                return form.apply(text);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        throw new PlcHttpException(400, "Invalid after parameter");
    }
}
