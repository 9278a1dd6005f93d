package dev.keyhole.iam.lint;

import dev.keyhole.iam.catalog.ActionInfo;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.catalog.ServiceInfo;
import dev.keyhole.iam.catalog.Wildcards;
import dev.keyhole.iam.policy.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks on one statement's elements: kind, {@code Sid}, actions against the catalog, and the
 * patterns that widen an Allow (wildcards, {@code Not...}, Scan, PassRole, no region pin).
 */
final class StatementChecks {

    /** DynamoDB actions that write items, which an attribute restriction cannot confine. */
    static final Set<String> ITEM_WRITES = Set.of("dynamodb:putitem", "dynamodb:updateitem", "dynamodb:deleteitem",
            "dynamodb:batchwriteitem", "dynamodb:partiqlinsert", "dynamodb:partiqlupdate", "dynamodb:partiqldelete");

    private final Catalog catalog;
    private final PolicyKind kind;
    private final Where where;
    private final Consumer<Finding> out;

    StatementChecks(Catalog catalog, PolicyKind kind, Where where, Consumer<Finding> out) {
        this.catalog = catalog;
        this.kind = kind;
        this.where = where;
        this.out = out;
    }

    void run(StatementView v) {
        Statement s = v.statement();
        int i = v.index();
        elementsForKind(s, i);
        if (s.sid() != null && !s.sid().matches("[A-Za-z0-9]*")) {
            out.accept(Finding.of(Check.INVALID_SID, where.element(i, "Sid"), "`Sid` `" + s.sid()
                    + "` may hold only ASCII letters and digits"));
        }
        List<String> actions = s.action().values();
        for (int j = 0; j < actions.size(); j++) {
            action(actions.get(j), where.value(i, v.actionField(), j));
        }
        if (!v.allows()) {
            return;
        }
        if (s.action().negated()) {
            out.accept(Finding.of(Check.ALLOW_WITH_NOT_ACTION, where.element(i, "NotAction"),
                    "this Allow grants every action except " + String.join(", ", ticks(actions))));
        } else {
            for (int j = 0; j < actions.size(); j++) {
                if (Wildcards.hasWildcard(actions.get(j))) {
                    int n = catalog.actionsMatching(actions.get(j)).size();
                    out.accept(Finding.of(Check.WILDCARD_ACTION, where.value(i, "Action", j), "`" + actions.get(j)
                            + "` allows " + (actions.get(j).equals("*") ? "every action of every service"
                            : n + " known action(s) and any the service adds later")));
                }
            }
        }
        if (s.resource() != null && s.resource().negated()) {
            out.accept(Finding.of(Check.ALLOW_WITH_NOT_RESOURCE, where.element(i, "NotResource"),
                    "this Allow grants every resource except " + String.join(", ", ticks(s.resource().values()))));
        }
        wildcardResources(v);
        scan(v);
        passRole(v);
        regionPin(v);
    }

    private void elementsForKind(Statement s, int i) {
        if (kind.resourceBased()) {
            if (s.principal() == null) {
                out.accept(Finding.of(Check.ELEMENT_FOR_POLICY_KIND, where.statement(i), "a " + kind.label()
                        + " policy statement needs `Principal` or `NotPrincipal`"));
            }
            return;
        }
        if (s.principal() != null) {
            out.accept(Finding.of(Check.ELEMENT_FOR_POLICY_KIND, where.element(i, s.principal().negated()
                    ? "NotPrincipal" : "Principal"), "a " + kind.label() + " policy must not have `Principal`"));
        }
        if (s.resource() == null) {
            out.accept(Finding.of(Check.ELEMENT_FOR_POLICY_KIND, where.statement(i), "a " + kind.label()
                    + " policy statement needs `Resource` (or `NotResource`)"));
        }
    }

    private void action(String action, String ptr) {
        if (action.equals("*")) {
            return;
        }
        if (action.chars().anyMatch(Character::isWhitespace)) {
            out.accept(Finding.of(Check.INVALID_ACTION, ptr, "action `" + action + "` holds white space, which IAM "
                    + "does not trim, so it matches nothing"));
            return;
        }
        String prefix = action.substring(0, action.indexOf(':'));
        ServiceInfo service = catalog.service(prefix).orElse(null);
        if (service == null || !service.complete()) {
            return;
        }
        if (catalog.actionsMatching(action).isEmpty()) {
            out.accept(new Finding(Check.UNKNOWN_ACTION, ptr, "`" + action + "` matches no " + service.name()
                    + " action", "check the spelling against "
                    + "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazon" + prefix + ".html"));
        }
    }

    private void wildcardResources(StatementView v) {
        Statement s = v.statement();
        if (s.resource() == null || s.resource().negated()) {
            return;
        }
        boolean scoped = v.coversUnknownActions() || v.actions().stream().anyMatch(a -> !a.resourceTypes().isEmpty());
        if (!scoped) {
            return;
        }
        List<String> values = s.resource().values();
        for (int j = 0; j < values.size(); j++) {
            String r = values.get(j);
            if (r.equals("*") || Wildcards.hasWildcard(accountAndResource(r))) {
                out.accept(Finding.of(Check.WILDCARD_RESOURCE, where.value(v.index(), "Resource", j), "`" + r
                        + "` allows " + (r.equals("*") ? "every resource" : "every resource the pattern matches")
                        + ", including ones created later"));
            }
        }
    }

    private void scan(StatementView v) {
        if (!v.covers("dynamodb:Scan")) {
            return;
        }
        List<Integer> at = v.actionValuesMatching("dynamodb:Scan");
        String ptr = at.isEmpty() ? where.element(v.index(), v.actionField()) : where.value(v.index(), "Action", at.get(0));
        out.accept(Finding.of(Check.SCAN_ALLOWED, ptr, "this Allow includes `dynamodb:Scan`, which reads every item "
                + "of " + describe(v.resources())));
    }

    private void passRole(StatementView v) {
        boolean passRole = v.covers("iam:PassRole") || v.statement().action().values().contains("*");
        if (!passRole || v.statement().resource() == null || v.statement().resource().negated()) {
            return;
        }
        List<String> values = v.resources();
        for (int j = 0; j < values.size(); j++) {
            String r = values.get(j);
            String rest = accountAndResource(r);
            if (r.equals("*") || rest.endsWith(":*") || rest.endsWith(":role/*")) {
                out.accept(Finding.of(Check.PASSROLE_WILDCARD, where.value(v.index(), "Resource", j),
                        "`iam:PassRole` is allowed on `" + r + "`: the caller may pass any role to any service"));
            }
        }
    }

    private void regionPin(StatementView v) {
        boolean regional = v.actions().stream().anyMatch(a -> catalog.service(a.service()).map(ServiceInfo::regional)
                .orElse(false));
        if (!regional || v.pinsRegion() || v.statement().resource() == null) {
            return;
        }
        boolean everyArnPinned = !v.statement().resource().negated() && v.resources().stream().allMatch(r -> {
            String[] parts = r.split(":", 6);
            return parts.length == 6 && ((!parts[3].isEmpty() && !Wildcards.hasWildcard(parts[3]))
                    || parts[5].startsWith("global-table/"));
        });
        if (!everyArnPinned) {
            out.accept(Finding.of(Check.NO_REGION_PIN, where.statement(v.index()), "this Allow grants "
                    + "DynamoDB actions in every region: no `aws:RequestedRegion` condition and not every ARN names one"));
        }
    }

    /** The account and resource part of an ARN (after the region), or the text itself when it is not one. */
    private static String accountAndResource(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[4] + ":" + parts[5] : arn;
    }

    private static String describe(List<String> resources) {
        return resources.isEmpty() ? "every resource" : String.join(", ", ticks(resources));
    }

    static List<String> ticks(List<String> values) {
        return values.stream().map(x -> "`" + x + "`").toList();
    }

    static boolean writesItems(Set<ActionInfo> actions) {
        return actions.stream().anyMatch(a -> ITEM_WRITES.contains(a.fullName().toLowerCase(java.util.Locale.ROOT)));
    }
}
