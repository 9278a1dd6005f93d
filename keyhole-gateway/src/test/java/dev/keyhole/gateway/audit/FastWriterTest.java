package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The canonical text written directly is the text Jackson writes, character for character, on generated
 * events: keys that sort around the core ones, strings with quotes, backslashes, control characters and
 * characters beyond ASCII, numbers at their limits, nested maps and lists, and values left to Jackson.
 */
class FastWriterTest {

    private static final String[] KEYS = {"", "a", "Z", "correlationIc", "correlationIdx", "items", "p", "parameters",
            "principalz", "reason", "t", "timf", "typ", "typez", "u", "v0", "w", "é", "\u0001", "k\"ey", "k\\ey"};
    private static final String CHARS = "abcXYZ 019-_:/\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é\u2028\u2029€\ud83d\ude00"
            + "\ud800\uffff";

    @Test
    void generatedEventsEncodeToTheSameTextAsWithJackson() {
        Random random = new Random(20261207);
        int direct = 0;
        for (int i = 0; i < 20_000; i++) {
            AuditEvent e = event(random);
            String text = CanonicalJson.encode(e);
            assertThat(text).as("event %d: %s", i, e).isEqualTo(CanonicalJson.withJackson(e));
            if (FastWriter.write(e) != null) {
                direct++;
            }
        }
        assertThat(direct).as("events written by the direct writer").isGreaterThan(10_000);
    }

    @Test
    void theRecordsOfARunAreWrittenByTheDirectWriter() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("since", "-P7D");
        params.put("customerId", "C-1");
        AuditEvent started = AuditEvent.of(AuditEvent.Type.STARTED, "kh-1", Instant.parse("2026-12-07T10:00:00.123456Z"), "alice")
                .with(AuditEvent.Field.RUNBOOK, "orders-by-customer").with(AuditEvent.Field.PARAMETERS, params)
                .with(AuditEvent.Field.TICKET, "INC-1").with("grant", null).with(AuditEvent.Field.DECISION, "allow").build();
        AuditEvent finished = AuditEvent.of(AuditEvent.Type.FINISHED, "kh-1", Instant.parse("2026-12-07T10:00:00Z"), "alice")
                .with(AuditEvent.Field.ITEMS, 10).with(AuditEvent.Field.CONSUMED_CAPACITY, 0.5)
                .with(AuditEvent.Field.DURATION_MS, 3L).with(AuditEvent.Field.OUTCOME, "ok").build();
        for (AuditEvent e : List.of(started, finished)) {
            assertThat(FastWriter.write(e)).isNotNull().isEqualTo(CanonicalJson.withJackson(e));
        }
    }

    private static AuditEvent event(Random r) {
        AuditEvent.Builder b = AuditEvent.of(AuditEvent.Type.values()[r.nextInt(AuditEvent.Type.values().length)],
                string(r), Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000)),
                r.nextInt(5) == 0 ? null : string(r));
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.with(r.nextInt(3) == 0 ? string(r) + "k" : KEYS[r.nextInt(KEYS.length)], value(r, 0));
        }
        return b.build();
    }

    private static Object value(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 9 : 12)) {
            case 0, 1 -> string(r);
            case 2 -> r.nextInt();
            case 3 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, r.nextLong()}[r.nextInt(5)];
            case 4 -> new double[] {0.0, -0.0, 0.5, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE,
                    Double.NaN, Double.POSITIVE_INFINITY, r.nextDouble() * 1e6}[r.nextInt(11)];
            case 5 -> r.nextBoolean();
            case 6 -> new Object[] {(short) 7, (byte) -3, 1.5f, new BigDecimal("1.10"), 'c'}[r.nextInt(5)];
            case 7, 8 -> r.nextInt(3) == 0 ? null : string(r);
            case 9, 10 -> {
                boolean numberKeys = r.nextInt(10) == 0;
                Map<Object, Object> m = !numberKeys && r.nextInt(4) == 0 ? new TreeMap<>() : new LinkedHashMap<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    m.put(numberKeys ? (Object) r.nextInt(9) : KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
                }
                yield m;
            }
            default -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(value(r, depth + 1));
                }
                yield l;
            }
        };
    }

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return sb.toString();
    }
}
