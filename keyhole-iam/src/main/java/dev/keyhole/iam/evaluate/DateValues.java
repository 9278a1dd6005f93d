package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.policy.BaseOperator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads dates for the {@code Date*} operators. Values are ISO 8601 dates or date-times (UTC when no offset is given)
 * or epoch seconds, as IAM accepts for {@code aws:CurrentTime} and {@code aws:EpochTime}.
 */
final class DateValues {

    private DateValues() {}

    static PolicyValues compile(BaseOperator op, List<String> raw) {
        return OrderedValues.compile(op, raw, DateValues::parse);
    }
    /** {@code yyyy-MM-ddTHH:mm:ssZ} (the form of {@code aws:CurrentTime}) without a formatter, or {@code null}. */
    private static Instant fastUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int[] at = {0, 5, 8, 11, 14, 17};
        int[] len = {4, 2, 2, 2, 2, 2};
        int[] v = new int[6];
        for (int f = 0; f < 6; f++) {
            int x = 0;
            for (int i = at[f]; i < at[f] + len[f]; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                x = x * 10 + (c - '0');
            }
            v[f] = x;
        }
        try {
            return LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5]).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Reads an ISO 8601 date, date-time, or epoch seconds; {@code null} when it is none of them. */
    static Instant parse(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-') && t.indexOf('-', 1) < 0) {
            try {
                BigDecimal secs = new BigDecimal(t);
                long whole = secs.longValue();
                int nanos = secs.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(whole, nanos);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        Instant fast = fastUtc(t);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
