package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUIDv7 layout per RFC 9562 section 5.7. */
class CorrelationIdsTest {

    @Test
    void generatedIdsAreVersion7WithTheClocksMillisecondsUpFront() {
        Instant t = Instant.parse("2026-11-25T06:00:00.123Z");
        UUID id = UUID.fromString(new CorrelationIds(Clock.fixed(t, ZoneOffset.UTC)).next());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
    }

    @Test
    void idsFromLaterMillisecondsSortAfterEarlierOnes() {
        String early = new CorrelationIds(Clock.fixed(Instant.parse("2026-11-25T06:00:00.001Z"), ZoneOffset.UTC)).next();
        String late = new CorrelationIds(Clock.fixed(Instant.parse("2026-11-25T06:00:00.002Z"), ZoneOffset.UTC)).next();
        assertThat(early).isLessThan(late);
    }

    @Test
    void aCallersIdIsKeptWhenItCanBeAnStsSessionName() {
        CorrelationIds ids = new CorrelationIds(Clock.systemUTC());
        assertThat(ids.acceptOrNext("INC-42.retry_1@eu")).isEqualTo("INC-42.retry_1@eu");
        assertThat(ids.acceptOrNext(null)).hasSize(36);
        assertThatThrownBy(() -> ids.acceptOrNext("x")).hasMessageContaining("2 to 64");
        assertThatThrownBy(() -> ids.acceptOrNext("a/b")).hasMessageContaining("`a/b`");
        assertThatThrownBy(() -> ids.acceptOrNext("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
