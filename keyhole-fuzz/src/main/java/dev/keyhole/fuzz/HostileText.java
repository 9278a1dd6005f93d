package dev.keyhole.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Values chosen to hurt: expression-like text, very long strings, odd Unicode (combining marks, right-to-left
 * override, zero-width joiners, characters outside the Basic Multilingual Plane), lone surrogates, NUL and other
 * control characters, number edge cases and escape sequences of the formats keyhole reads (JSON, YAML, URLs, XML).
 */
final class HostileText {

    private static final List<String> FRAGMENTS = List.of(
            "", " ", "\u0000", "\u0000\u0000", "\t", "\r\n", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd",
            "\ud800", "\udfff", "\udc00\ud800", "\ud83d\ude00", "\u202e", "\u200d", "e\u0301\u0301\u0301", "\uffff",
            "\\u0000", "\\ud800", "\\udfff\\ud800", "\\\"", "\\", "\"", "'", "`", "${x}", "#{x}", "%s%n", "%00", "%ZZ",
            "%", "&", "=", "+", "?", "#", "/", "..", "../../etc/passwd", "*", "?*", "${aws:username}",
            ":v", "#n", ":", "#", ":v OR :v", "a = :v AND b <> :w", "attribute_exists(#n)",
            "begins_with(pk, :v)", "size(a) > :v", "SET a = a + :v", "REMOVE a", "a.b[0].c", "a[99999999999]",
            "(((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))", "BETWEEN :a AND :b",
            "0", "-0", "1e999999", "-1e-999999", "9".repeat(60), "0.000000000000000000000000000000000000001", "NaN",
            "Infinity", "0x10", "true", "null", "~", "!!binary", "&anchor", "*anchor", "<<: *a", "---", "...",
            "]]>", "<![CDATA[", "&amp;", "<a>", "{", "}", "[", "]", "{}", "[]", "{\"a\":", "\"\":\"\"",
            "arn:aws:dynamodb:us-east-1:000000000000:table/*", "arn:aws:iam::*:role/*", "INC-1", "INC-", "C-1001");

    private HostileText() {}

    /** One hostile value: a fragment, a run of one, a long string, random code points, or a mix. */
    static String next(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(random);
            case 2 -> pick(random).repeat(1 + random.nextInt(64));
            case 3 -> "x".repeat(random.nextBoolean() ? 1_025 + random.nextInt(4_000) : 65_000 + random.nextInt(2_000));
            case 4 -> codePoints(random, 1 + random.nextInt(24));
            default -> pick(random) + codePoints(random, 1 + random.nextInt(4)) + pick(random);
        };
    }

    private static String pick(Random random) {
        return FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
    }

    /** Random UTF-16 units, lone surrogates included: Java strings may hold them, so inputs reach keyhole with them. */
    private static String codePoints(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0xd800 + random.nextInt(0x800));
                case 2 -> (char) random.nextInt(0x10000);
                default -> new String(Character.toChars(0x10000 + random.nextInt(0x100000)));
            });
        }
        return b.toString();
    }
}
