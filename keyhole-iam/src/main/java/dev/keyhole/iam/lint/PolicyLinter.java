package dev.keyhole.iam.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.iam.catalog.Catalog;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyProblem;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lints one policy: first the grammar (every problem the parser finds), then, for a policy that
 * parses, every check of {@link Check} against the {@link Catalog}.
 *
 * <p>Immutable; one instance can lint any number of policies from any thread.
 */
public final class PolicyLinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Catalog catalog;

    private PolicyLinter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A linter against keyhole's catalog. */
    public static PolicyLinter standard() {
        return new PolicyLinter(Catalog.aws());
    }

    /** Lints policy JSON text; findings are in document order. */
    public List<Finding> lint(String json, PolicyKind kind) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return List.of(Finding.of(Check.INVALID_JSON, "", "not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(Finding.of(Check.INVALID_JSON, "", "the policy document is empty"));
        }
        Policy policy;
        try {
            policy = PolicyParser.parse(root);
        } catch (PolicyParseException e) {
            List<Finding> out = new ArrayList<>();
            for (PolicyProblem p : e.problems()) {
                out.add(ParseProblems.toFinding(p));
            }
            return sorted(out);
        }
        return lint(policy, root, nonWhiteSpace(json), kind);
    }

    /** Lints a policy keyhole built (pointers as in its canonical JSON). */
    public List<Finding> lint(Policy policy, PolicyKind kind) {
        return lint(policy, PolicyWriter.toTree(policy), nonWhiteSpace(PolicyWriter.write(policy)), kind);
    }

    private List<Finding> lint(Policy policy, JsonNode root, int size, PolicyKind kind) {
        List<Finding> out = new ArrayList<>();
        Where where = new Where(root);
        if (policy.version() == null || Policy.VERSION_2008.equals(policy.version())) {
            out.add(Finding.of(Check.MISSING_VERSION, policy.version() == null ? "" : "/Version",
                    policy.version() == null ? "no `Version`: IAM reads this policy as 2008-10-17, where `${...}` is "
                            + "literal text" : "version 2008-10-17 reads `${...}` as literal text"));
        }
        if (kind.maxChars() > 0 && size > kind.maxChars()) {
            out.add(Finding.of(Check.POLICY_SIZE, "", "the policy has " + size + " characters without white space; "
                    + "IAM allows " + kind.maxChars() + " for a " + kind.label() + " policy"));
        }
        StatementChecks statements = new StatementChecks(catalog, kind, where, out::add);
        ConditionChecks conditions = new ConditionChecks(catalog, where, policy.supportsVariables(), out::add);
        List<Statement> list = policy.statements();
        for (int i = 0; i < list.size(); i++) {
            StatementView v = StatementView.of(i, list.get(i), catalog);
            statements.run(v);
            conditions.run(v);
            int by = Redundancy.coveredBy(list, i);
            if (by >= 0) {
                Statement w = list.get(by);
                out.add(Finding.of(Check.REDUNDANT_STATEMENT, where.statement(i), "every request this statement "
                        + "matches, statement " + (w.sid() == null ? "#" + by : "`" + w.sid() + "`")
                        + " matches too, with the same effect"));
            }
        }
        return sorted(out);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing(Finding::pointer, PolicyLinter::comparePointers)
                .thenComparing(f -> f.check().ordinal()));
        return List.copyOf(out);
    }

    /** Orders pointers as the document does: numeric segments by number. */
    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : 0;
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static int nonWhiteSpace(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
