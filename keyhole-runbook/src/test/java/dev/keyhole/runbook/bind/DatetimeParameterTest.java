package dev.keyhole.runbook.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.ParameterType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a datetime parameter accepts, and the instant each form binds to. */
class DatetimeParameterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:30:15.250Z"), ZoneOffset.UTC);

    private static String bind(String raw, String format) {
        Parameter p = new Parameter("since", ParameterType.DATETIME, null, true, null, null, null, null, List.of(),
                null, null, false, format);
        return ParameterValues.parse(p, raw, CLOCK).text();
    }

    @Test
    void aDateBindsToItsMidnightInUtc() {
        assertThat(bind("2026-01-01", "iso8601")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(bind(" 2026-11-30 ", "epoch-seconds")).isEqualTo("1795996800");
    }

    @Test
    void anIsoTimeWithAnOffsetBindsToItsInstantInEitherCaseOfT() {
        assertThat(bind("2026-11-01T09:00:00Z", "iso8601")).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(bind("2026-11-01t09:00:00+02:00", "iso8601")).isEqualTo("2026-11-01T07:00:00Z");
        assertThat(bind("2026-11-01T09:00:00.999Z", "epoch-millis")).isEqualTo("1793523600000");
    }

    @Test
    void nowAndRelativeDurationsCountFromTheClock() {
        assertThat(bind("now", "iso8601")).isEqualTo("2026-12-07T10:30:15Z");
        assertThat(bind("-P7D", "iso8601")).isEqualTo("2026-11-30T10:30:15Z");
        assertThat(bind("-PT2H", "iso8601")).isEqualTo("2026-12-07T08:30:15Z");
    }

    @Test
    void textThatIsNeitherATimeNorADateIsRefusedWithTheFormsThatWork() {
        for (String raw : List.of("2026-13-01", "2026-11-01T25:00:00Z", "2026-11-01T09:00:00", "yesterday", "t")) {
            assertThatThrownBy(() -> bind(raw, "iso8601")).as(raw).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not an ISO 8601 time");
        }
    }
}
