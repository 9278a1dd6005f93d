package dev.keyhole.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketHttpTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INC-7           | INC-7",
        "PT4KHLK         | PT4KHLK",
        "../admin        | %2E%2E%2Fadmin",
        "a b?c#d&e=f     | a%20b%3Fc%23d%26e%3Df",
        "%2F             | %252F",
        "ärende_1~x      | %C3%A4rende_1~x"})
    void aPathSegmentCannotLeaveItsSegment(String raw, String encoded) {
        assertThat(TicketHttp.pathSegment(raw)).isEqualTo(encoded);
    }
}
