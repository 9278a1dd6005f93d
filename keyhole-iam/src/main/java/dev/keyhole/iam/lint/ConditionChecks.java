package dev.keyhole.iam.lint;

import dev.keyhole.iam.catalog.ActionInfo;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.catalog.KeyInfo;
import dev.keyhole.iam.catalog.ServiceInfo;
import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.OperatorFamily;
import dev.keyhole.iam.policy.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The checks on one statement's conditions: operator grammar IAM enforces ({@code Null} without
 * {@code IfExists}, variables only where substituted, readable values), keys against the catalog, and
 * set operators that fail open. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
final class ConditionChecks {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

    private final Catalog catalog;
    private final Where where;
    private final boolean variables;
    private final Consumer<Finding> out;

    ConditionChecks(Catalog catalog, Where where, boolean variables, Consumer<Finding> out) {
        this.catalog = catalog;
        this.where = where;
        this.variables = variables;
        this.out = out;
    }

    void run(StatementView v) {
        for (Condition c : v.statement().conditions()) {
            String ptr = where.condition(v.index(), c.operator().json(), c.key());
            grammar(c, ptr);
            KeyInfo key = key(c, ptr);
            if (key != null && c.operator().qualifier() != SetQualifier.NONE && !key.type().multivalued()) {
                out.accept(Finding.of(Check.SET_OPERATOR_ON_SINGLE_VALUED_KEY, ptr, "`" + c.key() + "` holds one "
                        + "value, so `" + c.operator().qualifier().prefix() + "` has no set to test"));
            }
            if (key != null) {
                supported(v, c, ptr);
            }
            if (v.allows() && c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES
                    && (key == null || !key.absentGrantsNothing()) && !v.guardsPresence(c.key())) {
                out.accept(new Finding(Check.FOR_ALL_VALUES_FAILS_OPEN, ptr, "`" + c.operator().json() + "` on `"
                        + c.key() + "` is true when the request has no `" + c.key() + "`, so such requests are allowed",
                        "add `\"Null\": {\"" + c.key() + "\": \"false\"}` to the statement"));
            }
            if (v.allows() && c.key().equalsIgnoreCase("dynamodb:Attributes")
                    && StatementChecks.writesItems(v.actions())) {
                out.accept(Finding.of(Check.WRITE_WITH_ATTRIBUTE_RESTRICTION, ptr, "this Allow restricts "
                        + "`dynamodb:Attributes` but also allows item writes, which can replace or delete whole items"));
            }
        }
    }

    private void grammar(Condition c, String ptr) {
        BaseOperator base = c.operator().base();
        if (base == BaseOperator.NULL && c.operator().ifExists()) {
            out.accept(Finding.of(Check.NULL_WITH_IF_EXISTS, ptr, "`" + c.operator().json()
                    + "` is not an operator: `IfExists` cannot be added to `Null`"));
        }
        for (String value : c.values()) {
            boolean variable = variables && value.contains("${");
            if (variable && !base.acceptsVariables()) {
                out.accept(Finding.of(Check.VARIABLE_NOT_ALLOWED, ptr, "`" + base.json() + "` does not substitute "
                        + "policy variables, so `" + value + "` is compared as written"));
            } else if (!variable && !readable(base.family(), value)) {
                out.accept(Finding.of(Check.INVALID_CONDITION_VALUE, ptr, "`" + value + "` is not "
                        + expected(base.family()) + ", as `" + base.json() + "` needs"));
            }
        }
    }

    private KeyInfo key(Condition c, String ptr) {
        String key = c.key();
        int colon = key.indexOf(':');
        KeyInfo info = catalog.key(key).orElse(null);
        if (info == null && (colon <= 0 || catalog.knowsAllKeysOf(key.substring(0, colon)))) {
            out.accept(Finding.of(Check.UNKNOWN_CONDITION_KEY, ptr, "`" + key + "` is not a condition key AWS "
                    + "defines, so requests never carry it"));
        }
        return info;
    }

    /** A service key on a catalog action of a fully listed service that never carries it. */
    private void supported(StatementView v, Condition c, String ptr) {
        if (v.statement().action().negated()) {
            return;
        }
        String lower = c.key().toLowerCase(Locale.ROOT);
        boolean global = lower.startsWith("aws:") && !lower.startsWith("aws:requesttag/") && !lower.equals("aws:tagkeys");
        if (global) {
            return;
        }
        List<String> missing = v.actions().stream()
                .filter(a -> catalog.service(a.service()).map(ServiceInfo::complete).orElse(false))
                .filter(a -> !catalog.supports(a, c.key()))
                .map(ActionInfo::fullName).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        String shown = String.join(", ", StatementChecks.ticks(missing.subList(0, Math.min(3, missing.size()))))
                + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "");
        out.accept(Finding.of(Check.KEY_NOT_SUPPORTED, ptr, "requests for " + shown + " never carry `" + c.key()
                + "`, so this condition " + (c.operator().ifExists() || c.operator().base().negated()
                || c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES ? "always passes" : "never passes")
                + " for them"));
    }

    static boolean readable(OperatorFamily family, String value) {
        try {
            return switch (family) {
                case NULL, BOOL -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                case NUMERIC -> {
                    new BigDecimal(value);
                    yield true;
                }
                case DATE -> date(value);
                case IP_ADDRESS -> IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
                case BINARY -> {
                    Base64.getDecoder().decode(value);
                    yield true;
                }
                default -> true;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean date(String value) {
        if (value.matches("-?\\d+")) {
            return true;
        }
        for (java.util.function.Function<String, Object> p : List.<java.util.function.Function<String, Object>>of(
                Instant::parse, OffsetDateTime::parse, LocalDate::parse)) {
            try {
                p.apply(value);
                return true;
            } catch (java.time.DateTimeException e) {
                // try the next form
            }
        }
        return false;
    }

    private static String expected(OperatorFamily family) {
        return switch (family) {
            case NULL, BOOL -> "`true` or `false`";
            case NUMERIC -> "a number";
            case DATE -> "an ISO 8601 date or epoch seconds";
            case IP_ADDRESS -> "an IP address or CIDR range";
            case BINARY -> "base64";
            default -> "a value";
        };
    }
}
