package dev.keyhole.cli.drift;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Reads {@code --since}/{@code --until}: an instant ({@code 2026-11-25T06:00:00Z}) or a span back from now ({@code P7D}, {@code PT1H}). */
public final class Times {

    private Times() {}

    /** The instant, or {@code null} for {@code null}. */
    public static Instant parse(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return text.contains("T") ? now.minus(Duration.parse(text))
                        : now.atZone(java.time.ZoneOffset.UTC).minus(Period.parse(text)).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("`" + text + "` is neither an instant (2026-11-25T06:00:00Z) nor a "
                        + "span back from now (P7D, PT1H)");
            }
        }
    }
}
