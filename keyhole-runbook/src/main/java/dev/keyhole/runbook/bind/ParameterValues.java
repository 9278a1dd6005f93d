package dev.keyhole.runbook.bind;

import dev.keyhole.runbook.model.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Parses and validates one parameter value typed by a person.
 *
 * <p>Datetimes accept ISO 8601 instants ({@code 2026-11-01T09:00:00Z}), dates ({@code 2026-11-01},
 * midnight UTC), {@code now}, and durations relative to now ({@code -P7D}, {@code -PT2H}, {@code P1D});
 * they are rendered in the parameter's {@code format}.
 */
public final class ParameterValues {

    private static final int MAX_STRING = 2048;

    private ParameterValues() {}

    /** The bound value, or {@link IllegalArgumentException} with a message for people. */
    public static BoundValue parse(Parameter p, String raw, Clock clock) {
        return switch (p.type()) {
            case STRING -> string(p, raw);
            case NUMBER -> number(p, raw);
            case BOOLEAN -> bool(raw);
            case DATETIME -> datetime(p, raw, clock);
        };
    }

    private static BoundValue string(Parameter p, String raw) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("must not be empty (DynamoDB rejects empty key strings)");
        }
        if (raw.length() > MAX_STRING) {
            throw new IllegalArgumentException("is longer than " + MAX_STRING + " characters");
        }
        if (p.minLength() != null && raw.length() < p.minLength()) {
            throw new IllegalArgumentException("must be at least " + p.minLength() + " characters");
        }
        if (p.maxLength() != null && raw.length() > p.maxLength()) {
            throw new IllegalArgumentException("must be at most " + p.maxLength() + " characters");
        }
        if (!p.allowed().isEmpty() && !p.allowed().contains(raw)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", p.allowed()));
        }
        if (p.pattern() != null && !Patterns.of(p.pattern()).matcher(raw).matches()) {
            throw new IllegalArgumentException("`" + raw + "` does not match the pattern `" + p.pattern() + "`");
        }
        return new BoundValue("S", raw);
    }

    private static BoundValue number(Parameter p, String raw) {
        BigDecimal v;
        try {
            v = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("`" + raw + "` is not a number");
        }
        if (p.integer() && v.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("`" + raw + "` is not a whole number");
        }
        if (p.min() != null && v.compareTo(p.min()) < 0) {
            throw new IllegalArgumentException("must be at least " + p.min().toPlainString());
        }
        if (p.max() != null && v.compareTo(p.max()) > 0) {
            throw new IllegalArgumentException("must be at most " + p.max().toPlainString());
        }
        if (v.precision() > 38) {
            throw new IllegalArgumentException("has more than 38 significant digits, which DynamoDB cannot store");
        }
        return new BoundValue("N", v.toPlainString());
    }

    private static BoundValue bool(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("`" + raw + "` is not `true` or `false`");
        }
        return new BoundValue("BOOL", v);
    }

    private static BoundValue datetime(Parameter p, String raw, Clock clock) {
        Instant t = instant(raw.trim(), clock).truncatedTo(ChronoUnit.SECONDS);
        return switch (p.format()) {
            case "epoch-seconds" -> new BoundValue("N", Long.toString(t.getEpochSecond()));
            case "epoch-millis" -> new BoundValue("N", Long.toString(t.toEpochMilli()));
            default -> new BoundValue("S", t.toString());
        };
    }

    private static Instant instant(String raw, Clock clock) {
        if (raw.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        boolean negative = raw.startsWith("-");
        String body = negative || raw.startsWith("+") ? raw.substring(1) : raw;
        if (body.startsWith("P") || body.startsWith("p")) {
            try {
                int t = body.toUpperCase(Locale.ROOT).indexOf('T');
                Duration d;
                if (t < 0) {
                    d = Duration.ofDays(Period.parse(body).getDays());
                    Period period = Period.parse(body);
                    if (period.getMonths() != 0 || period.getYears() != 0) {
                        throw new IllegalArgumentException("relative datetimes take days, hours, minutes or seconds "
                                + "(`-P7D`, `-PT2H`), not months or years");
                    }
                } else {
                    d = Duration.parse(body);
                }
                return negative ? clock.instant().minus(d) : clock.instant().plus(d);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("`" + raw + "` is not a duration such as `-P7D` or `-PT2H`");
            }
        }
        // A date alone has no `T`, and an ISO 8601 time always has one: parse only what can succeed, rather than
        // pay for a failed parse (an exception with its stack) on every run with a date parameter.
        if (raw.indexOf('T') >= 0 || raw.indexOf('t') >= 0) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException ignored) {
                // try a date
            }
        }
        try {
            return LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`" + raw + "` is not an ISO 8601 time (`2026-11-01T09:00:00Z`), "
                    + "a date, `now`, or a relative duration (`-P7D`)");
        }
    }
}
