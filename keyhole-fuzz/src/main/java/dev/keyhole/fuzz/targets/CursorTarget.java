package dev.keyhole.fuzz.targets;

import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Target;
import dev.keyhole.runbook.cursor.CursorBinding;
import dev.keyhole.runbook.cursor.CursorException;
import dev.keyhole.runbook.cursor.CursorSealer;
import dev.keyhole.runbook.cursor.CursorState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Sealed pagination cursors, opened as a caller hands them back. The seeds are cursors this sealer issued (so
 * mutation starts from authentic ones), plus text that only looks like one. The sealer documents one rejection,
 * {@link CursorException}. Oracles: nothing else is thrown; a rejection has a message; anything that opens is a
 * cursor this key sealed for this binding (a forged cursor that opens is a finding; base64url text that decodes to
 * the same bytes as an issued cursor is the same cursor).
 */
public final class CursorTarget implements Target {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final CursorBinding BINDING = new CursorBinding("orders-by-customer", "hash", "recent",
            Map.of("customerId", "C-1001"), "alice");

    private final CursorSealer sealer = new CursorSealer(new byte[32], Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> issued = List.of(
            sealer.seal(BINDING, new CursorState("{\"pk\":{\"S\":\"C-1001\"}}", 1, 25, NOW.plusSeconds(600))),
            sealer.seal(BINDING, new CursorState("", 0, 0, NOW.plusSeconds(1))),
            sealer.seal(BINDING, new CursorState("x".repeat(2_000), Integer.MAX_VALUE, -1, NOW.plusSeconds(86_400))));

    @Override
    public String name() {
        return "cursor";
    }

    @Override
    public List<byte[]> seeds() {
        return java.util.stream.Stream.concat(issued.stream(), java.util.stream.Stream.of("", "AQ", "=", "A".repeat(64)))
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public List<String> dictionary() {
        return List.of("A", "_", "-", "=", "+", "/", "AQ", "AA", "AAAAAAAAAAAAAAAA");
    }

    @Override
    public String run(byte[] input) {
        String cursor = new String(input, StandardCharsets.UTF_8);
        try {
            sealer.open(BINDING, cursor);
        } catch (CursorException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new Finding(Finding.Kind.BAD_REJECTION, "a cursor rejection without a message");
            }
            return "rejected " + Signatures.of(e.getMessage());
        }
        byte[] opened = java.util.Base64.getUrlDecoder().decode(cursor);
        if (issued.stream().noneMatch(i -> java.util.Arrays.equals(java.util.Base64.getUrlDecoder().decode(i), opened))) {
            throw new Finding(Finding.Kind.WRONG_ANSWER, "a cursor this sealer never issued was accepted");
        }
        return "opened";
    }
}
