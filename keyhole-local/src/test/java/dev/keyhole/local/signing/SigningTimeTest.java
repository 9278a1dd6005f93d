package dev.keyhole.local.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signing time of a request comes from {@code X-Amz-Date} in ISO 8601 basic format, UTC
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html); anything else
 * is refused with AWS's wording.
 */
class SigningTimeTest {

    private static ReceivedRequest dated(String amzDate) {
        return new ReceivedRequest("POST", "/", null, Map.of("x-amz-date", List.of(amzDate)), new byte[0]);
    }

    @Test
    void theBasicFormatIsReadAsUtc() {
        assertThat(SigV4Verifier.signingTime(dated("20261207T201530Z"))).isEqualTo(Instant.parse("2026-12-07T20:15:30Z"));
    }

    @Test
    void aLeapDayIsADate() {
        assertThat(SigV4Verifier.signingTime(dated("20240229T000000Z"))).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T20:15:30Z", "20261207T201530", "20261207 201530Z", "20261307T201530Z",
            "20261207T251530Z", "20250229T000000Z", "2026120xT201530Z", "+0261207T201530Z", ""})
    void anythingElseIsRefusedAsNotBasicFormat(String amzDate) {
        assertThatThrownBy(() -> SigV4Verifier.signingTime(dated(amzDate)))
                .isInstanceOfSatisfying(AuthFailure.class, f -> assertThat(f.reason()).isEqualTo(AuthFailure.Reason.BAD_SIGNATURE))
                .hasMessage("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void aRequestWithoutADateIsRefused() {
        assertThatThrownBy(() -> SigV4Verifier.signingTime(new ReceivedRequest("POST", "/", null, Map.of(), new byte[0])))
                .isInstanceOf(AuthFailure.class)
                .hasMessageContaining("'X-Amz-Date'");
    }
}
