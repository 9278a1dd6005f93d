package dev.keyhole.drift.trail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses {@code eventTime}: CloudTrail writes {@code yyyy-MM-ddTHH:mm:ssZ}, read without a formatter; anything else ISO 8601; {@code null} when unreadable. */
final class EventTimes {

    private EventTimes() {}

    static Instant parse(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            try {
                long day = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10)).toEpochDay();
                return Instant.ofEpochSecond(day * 86_400 + num(s, 11, 13) * 3600L + num(s, 14, 16) * 60L + num(s, 17, 19));
            } catch (RuntimeException e) {
                // fall through to the full parser, which reports the problem
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
