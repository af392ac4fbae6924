package dev.skein.core.syntax;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The Lexicon {@code datetime} format: the intersection of RFC 3339, ISO 8601 and WHATWG HTML.
 *
 * <p>Exactly {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}: upper-case {@code T} and {@code Z}, whole
 * seconds required, any number of fraction digits, a time zone required and {@code -00:00} refused. Beyond the
 * syntax the value must name a real instant (no month 13, no April 31, no leap second 60, which
 * {@link Instant} cannot hold) whose UTC year lies in 0000..9999: the spec forbids times before year zero and
 * the ISO form cannot write years past 9999.
 *
 * <p>The record keeps the string exactly, because re-serialising a parsed time can change its text (precision,
 * trailing zeros, offset) and so change record hashes.
 *
 * <p>Spec: https://atproto.com/specs/lexicon#datetime
 */
public record Datetime(String value) {
    /** Longest accepted string; far above any real timestamp, it bounds the fraction. */
    public static final int MAX_LENGTH = 64;

    private static final int MIN_YEAR = 0;
    private static final int MAX_YEAR = 9999;

    public Datetime {
        toInstant(value);
    }

    public static Datetime parse(String value) {
        return new Datetime(value);
    }

    /** The current time with millisecond precision and a {@code Z} suffix, the preferred form. */
    public static Datetime now() {
        return of(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The instant in the preferred form: UTC with {@code Z}, and 3, 6 or 9 fraction digits, the fewest that
     * hold it exactly.
     */
    public static Datetime of(Instant instant) {
        OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
        if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
            throw new InvalidSyntaxException("datetime", instant.toString(), "year outside 0000..9999");
        }
        int nano = t.getNano();
        String fraction = nano % 1_000_000 == 0 ? pad(nano / 1_000_000, 3)
                : nano % 1_000 == 0 ? pad(nano / 1_000, 6) : pad(nano, 9);
        return new Datetime(pad(t.getYear(), 4) + '-' + pad(t.getMonthValue(), 2) + '-' + pad(t.getDayOfMonth(), 2)
                + 'T' + pad(t.getHour(), 2) + ':' + pad(t.getMinute(), 2) + ':' + pad(t.getSecond(), 2)
                + '.' + fraction + 'Z');
    }

    /** The instant this names; fraction digits past nanoseconds are dropped. */
    public Instant toInstant() {
        return toInstant(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static Instant toInstant(String s) {
        if (s == null) {
            throw invalid(null, "null");
        }
        if (s.length() > MAX_LENGTH) {
            throw invalid(s, "longer than " + MAX_LENGTH + " characters");
        }
        // fixed positions: YYYY-MM-DDTHH:MM:SS
        if (s.length() < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw invalid(s, "not YYYY-MM-DDTHH:MM:SS followed by a time zone");
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                throw invalid(s, "empty fraction");
            }
            for (int n = i - start; n < 9; n++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            throw invalid(s, "not YYYY-MM-DDTHH:MM:SS with two-digit fields and a four-digit year");
        }
        Instant instant;
        try {
            instant = LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(offset);
        } catch (DateTimeException e) {
            throw new InvalidSyntaxException("datetime", s, "not a real date and time: " + e.getMessage(), e);
        }
        int utcYear = instant.atOffset(ZoneOffset.UTC).getYear();
        if (utcYear < MIN_YEAR || utcYear > MAX_YEAR) {
            throw invalid(s, "UTC year outside 0000..9999");
        }
        return instant;
    }

    private static ZoneOffset offset(String s, int i) {
        int rest = s.length() - i;
        if (rest == 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? s.charAt(i) : 0;
        if ((sign != '+' && sign != '-') || s.charAt(i + 3) != ':') {
            throw invalid(s, "time zone must be Z, +HH:MM or -HH:MM");
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) {
            throw invalid(s, "time zone must be Z, +HH:MM or -HH:MM");
        }
        if (sign == '-' && hours == 0 && minutes == 0) {
            throw invalid(s, "-00:00 is not allowed (ISO 8601); use Z or +00:00");
        }
        int totalSeconds = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -totalSeconds : totalSeconds);
    }

    /** The number in {@code s[from, from+count)}, or -1 unless all are ASCII digits. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static InvalidSyntaxException invalid(String s, String reason) {
        return new InvalidSyntaxException("datetime", s, reason);
    }
}
