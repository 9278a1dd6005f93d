package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final Instant T = Instant.parse("2026-11-25T06:00:00.123Z");

    @Test
    void keysAreSortedAtEveryLevelWithoutWhiteSpaceOrNulls() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("since", "-P7D");
        params.put("customerId", "C-1");
        AuditEvent e = AuditEvent.of(AuditEvent.Type.STARTED, "c-1", T, "alice")
                .with(AuditEvent.Field.TICKET, "INC-1").with(AuditEvent.Field.PARAMETERS, params)
                .with(AuditEvent.Field.ERROR, null).with(AuditEvent.Field.ITEMS, 3).build();
        assertThat(CanonicalJson.encode(e)).isEqualTo("{\"correlationId\":\"c-1\",\"items\":3,"
                + "\"parameters\":{\"customerId\":\"C-1\",\"since\":\"-P7D\"},\"principal\":\"alice\",\"ticket\":\"INC-1\","
                + "\"time\":\"2026-11-25T06:00:00.123Z\",\"type\":\"started\",\"v\":1}");
    }

    @Test
    void everyRecordTypeIsWrittenAsItsWordAndReadBack() {
        for (AuditEvent.Type type : AuditEvent.Type.values()) {
            AuditEvent e = AuditEvent.of(type, "c-" + type.word(), T, "dan").with(AuditEvent.Field.OUTCOME, "scanned").build();
            assertThat(CanonicalJson.encode(e)).contains("\"type\":\"" + type.word() + "\"");
            assertThat(CanonicalJson.decode(CanonicalJson.encode(e))).isEqualTo(e);
        }
        assertThat(AuditEvent.Type.DRIFT.word()).isEqualTo("drift");
    }

    @Test
    void theSameEventBuiltInAnotherOrderEncodesToTheSameText() {
        AuditEvent a = AuditEvent.of(AuditEvent.Type.FINISHED, "c", T, "bob").with("outcome", "ok").with("pages", 2).build();
        AuditEvent b = AuditEvent.of(AuditEvent.Type.FINISHED, "c", T, "bob").with("pages", 2).with("outcome", "ok").build();
        assertThat(CanonicalJson.encode(a)).isEqualTo(CanonicalJson.encode(b));
    }

    @Test
    void decodeIsTheInverseOfEncode() {
        AuditEvent e = AuditEvent.of(AuditEvent.Type.REFUSED, "c-2", T, "bob").with("reason", "ticket-missing: \"quoted\" ünïcode")
                .with("consumedCapacity", 0.5).with("items", 4L).with("parameters", Map.of("a", "1")).build();
        assertThat(CanonicalJson.decode(CanonicalJson.encode(e))).isEqualTo(e);
    }

    @Test
    void anOptionalFieldCannotImpersonateACoreOne() {
        AuditEvent e = AuditEvent.of(AuditEvent.Type.STARTED, "c", T, "alice").with("principal", "root").build();
        assertThatThrownBy(() -> CanonicalJson.encode(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`principal` is reserved");
    }
}
