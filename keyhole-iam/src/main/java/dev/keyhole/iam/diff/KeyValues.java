package dev.keyhole.iam.diff;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.OperatorFamily;
import dev.keyhole.iam.request.ContextValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The values of one context key worth trying: each value the conditions mention, its neighbours where
 * the operator orders values (one less, one more), an instance of each wildcard pattern, one fresh value
 * no condition mentions, and absence (a {@code null} entry). Multivalued keys get sets built from them:
 * empty, each single value, all mentioned values, and each with a fresh one added.
 */
final class KeyValues {

    static final String FRESH = "khFresh";

    private KeyValues() {}

    /** Candidates for one key; the first entry is {@code null}, meaning the request lacks the key. */
    static List<ContextValue> candidates(List<Condition> conditions, boolean multivalued, int maxScalars) {
        Set<String> mentioned = new LinkedHashSet<>();
        Set<String> scalars = new LinkedHashSet<>();
        for (Condition c : conditions) {
            for (String v : c.values()) {
                String value = v.replaceAll("\\$\\{[^}]*}", "khVar");
                List<String> tried = around(c.operator().base(), value);
                if (!tried.isEmpty()) {
                    mentioned.add(tried.get(0));
                }
                scalars.addAll(tried);
            }
        }
        scalars.add(fresh(conditions));
        List<String> s = new ArrayList<>(scalars);
        if (s.size() > maxScalars) {
            s = s.subList(0, maxScalars);
        }
        List<ContextValue> out = new ArrayList<>();
        out.add(null);
        if (!multivalued) {
            s.forEach(v -> out.add(ContextValue.of(v)));
            return out;
        }
        Set<List<String>> sets = new LinkedHashSet<>();
        sets.add(List.of());
        s.forEach(v -> sets.add(List.of(v)));
        List<String> all = new ArrayList<>(mentioned);
        if (!all.isEmpty()) {
            sets.add(all);
            List<String> withFresh = new ArrayList<>(all);
            withFresh.add(FRESH);
            sets.add(withFresh);
        }
        for (String v : mentioned) {
            sets.add(List.of(v, FRESH));
        }
        sets.forEach(v -> out.add(ContextValue.ofSet(v)));
        return out;
    }

    /** The value itself (or an instance of its pattern) first, then values just beside it. */
    static List<String> around(BaseOperator op, String v) {
        List<String> out = new ArrayList<>();
        OperatorFamily family = op.family();
        try {
            switch (family) {
                case NUMERIC -> {
                    BigDecimal n = new BigDecimal(v);
                    out.add(n.toPlainString());
                    out.add(n.subtract(BigDecimal.ONE).toPlainString());
                    out.add(n.add(BigDecimal.ONE).toPlainString());
                }
                case DATE -> {
                    Instant t = date(v);
                    out.add(t.toString());
                    out.add(t.minusSeconds(1).toString());
                    out.add(t.plusSeconds(1).toString());
                }
                case BOOL, NULL -> {
                    out.add("true");
                    out.add("false");
                }
                case IP_ADDRESS -> out.addAll(ips(v));
                case BINARY -> out.add(v);
                default -> {
                    if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                        boolean like = op == BaseOperator.STRING_LIKE || op == BaseOperator.STRING_NOT_LIKE
                                || family == OperatorFamily.ARN;
                        if (like) {
                            out.add(v.replace("*", "kh").replace("?", "k"));
                            out.add(v.replace("*", "").replace("?", "k"));
                        }
                    }
                    out.add(v);
                    if (op == BaseOperator.STRING_EQUALS_IGNORE_CASE || op == BaseOperator.STRING_NOT_EQUALS_IGNORE_CASE) {
                        out.add(v.toUpperCase(Locale.ROOT).equals(v) ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT));
                    }
                }
            }
        } catch (RuntimeException e) {
            out.add(v); // unreadable for the operator: the evaluator treats it as not matching; try it as is
        }
        return out;
    }

    private static Instant date(String v) {
        if (v.matches("-?\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        try {
            return Instant.parse(v);
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (RuntimeException e2) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static List<String> ips(String cidr) {
        String address = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
        if (address.contains(":")) {
            return List.of(address, "::1");
        }
        String[] octets = address.split("\\.");
        int first = Integer.parseInt(octets[0]);
        String outside = ((first ^ 0x80) & 0xff) + "." + octets[1] + "." + octets[2] + "." + octets[3];
        return List.of(address, outside);
    }

    /** A value of the keys' type that no condition mentions. */
    private static String fresh(List<Condition> conditions) {
        OperatorFamily family = conditions.stream().map(c -> c.operator().base().family())
                .filter(f -> f != OperatorFamily.NULL).findFirst().orElse(OperatorFamily.STRING);
        return switch (family) {
            case NUMERIC -> "-987654321";
            case DATE -> "1970-01-01T00:00:00Z";
            case BOOL -> "false";
            case IP_ADDRESS -> "192.0.2.77";
            case ARN -> "arn:aws:iam::000000000000:role/" + FRESH;
            default -> FRESH;
        };
    }
}
