package dev.keyhole.iam.diff;

import dev.keyhole.iam.catalog.ActionInfo;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.catalog.Wildcards;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The actions and resources worth trying for a set of policies: every catalog action a pattern covers,
 * every literal, an instance of every wildcard pattern, and one of each that no pattern names.
 */
final class Candidates {

    static final String DEFAULT_ACCOUNT = "111122223333";

    private Candidates() {}

    static List<String> actions(List<Policy> policies, Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (Statement s : statements(policies)) {
            for (String pattern : s.action().values()) {
                if (!Wildcards.hasWildcard(pattern)) {
                    out.add(pattern);
                }
                List<ActionInfo> matched = catalog.actionsMatching(pattern);
                matched.forEach(a -> out.add(a.fullName()));
                if (matched.isEmpty() && Wildcards.hasWildcard(pattern)) {
                    out.add(pattern.replace("*", "Kh").replace("?", "K"));
                }
                if (pattern.contains(":")) {
                    services.add(pattern.substring(0, pattern.indexOf(':')));
                }
            }
        }
        // An action of each mentioned service that no pattern may name, and one of a service none names.
        for (String service : services) {
            catalog.service(service).ifPresentOrElse(
                    info -> info.actions().values().stream().map(ActionInfo::fullName).sorted().forEach(out::add),
                    () -> out.add(service + ":KhUnlistedAction"));
        }
        out.add("khfresh:KhUnlistedAction");
        return new ArrayList<>(out);
    }

    static List<String> resources(List<Policy> policies) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : statements(policies)) {
            if (s.resource() == null) {
                continue;
            }
            for (String pattern : s.resource().values()) {
                String r = pattern.replaceAll("\\$\\{[^}]*}", "khVar");
                if (r.equals("*")) {
                    continue;
                }
                if (Wildcards.hasWildcard(r)) {
                    out.add(r.replace("*", "kh").replace("?", "k"));
                    out.add(r.replace("*", "").replace("?", "k"));
                    out.add(r.replace("*", "kh/index/kh").replace("?", "k"));
                } else {
                    out.add(r);
                }
                out.add(unnamed(r));
            }
        }
        out.add("arn:aws:dynamodb:us-east-1:" + DEFAULT_ACCOUNT + ":table/" + KeyValues.FRESH);
        return new ArrayList<>(out);
    }

    /** The same kind of ARN with a resource name no pattern is likely to name. */
    private static String unnamed(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return "arn:aws:khfresh:us-east-1:" + DEFAULT_ACCOUNT + ":" + KeyValues.FRESH;
        }
        int slash = parts[5].indexOf('/');
        String type = slash < 0 ? "" : parts[5].substring(0, slash + 1);
        String region = Wildcards.hasWildcard(parts[3]) ? "us-east-1" : parts[3];
        String account = Wildcards.hasWildcard(parts[4]) ? DEFAULT_ACCOUNT : parts[4];
        return String.join(":", parts[0], parts[1], parts[2], region, account, type + KeyValues.FRESH);
    }

    static List<Statement> statements(List<Policy> policies) {
        List<Statement> out = new ArrayList<>();
        policies.forEach(p -> out.addAll(p.statements()));
        return out;
    }
}
