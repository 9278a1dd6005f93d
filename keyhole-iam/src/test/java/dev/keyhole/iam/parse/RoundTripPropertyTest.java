package dev.keyhole.iam.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Element;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.PrincipalElement;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The canonical writer and the parser are inverses: {@code parse(write(p)).equals(p)} for every policy a
 * JSON document can hold, compact or pretty, and a hand-written document reads the same after one trip
 * through the writer whether its values were single strings or arrays.
 *
 * <p>Generated policies cover both versions and none, {@code Id}, {@code Sid} (absent, empty, set),
 * {@code Principal}/{@code NotPrincipal} as {@code *} and as objects of every principal type,
 * {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource} or none, and several conditions
 * with every operator, qualifier and {@code IfExists}. Text draws on quotes, backslashes, slashes,
 * {@code ~}, {@code ${...}}, wildcards, control characters and non-ASCII (including surrogate pairs).
 * QuickTheories shrinks a failure to a small policy; the seed is fixed so a run reproduces.
 */
class RoundTripPropertyTest {

    private static final long SEED = 20261125L;
    private static final int EXAMPLES = 3_000;

    @Test
    void generatedPoliciesReadBackEqualFromCompactJson() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(2_000)
                .forAll(policies())
                .checkAssert(p -> assertThat(PolicyParser.parse(PolicyWriter.write(p))).isEqualTo(p));
    }

    @Test
    void generatedPoliciesReadBackEqualFromPrettyJson() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).withShrinkCycles(2_000)
                .forAll(policies())
                .checkAssert(p -> assertThat(PolicyParser.parse(PolicyWriter.writePretty(p))).isEqualTo(p));
    }

    @Test
    void handWrittenDocumentsReadTheSameAfterOneTripThroughTheWriter() {
        for (String doc : HAND_WRITTEN) {
            Policy once = PolicyParser.parse(doc);
            assertThat(PolicyParser.parse(PolicyWriter.write(once))).as(doc).isEqualTo(once);
            assertThat(PolicyParser.parse(PolicyWriter.writePretty(once))).as(doc).isEqualTo(once);
            assertThat(PolicyWriter.write(PolicyParser.parse(PolicyWriter.write(once)))).as("the writer is canonical")
                    .isEqualTo(PolicyWriter.write(once));
        }
    }

    @Test
    void singleStringsAndOneElementArraysAreTheSamePolicy() {
        Policy singles = PolicyParser.parse(HAND_WRITTEN.get(0));
        Policy arrays = PolicyParser.parse(HAND_WRITTEN.get(1));
        assertThat(arrays).isEqualTo(singles);
        assertThat(PolicyWriter.write(arrays)).isEqualTo(PolicyWriter.write(singles));
    }

    @Test
    void numbersAndBooleansInConditionsReadBackAsTheirText() {
        Policy p = PolicyParser.parse(HAND_WRITTEN.get(2));
        Policy again = PolicyParser.parse(PolicyWriter.write(p));
        assertThat(again).isEqualTo(p);
        assertThat(again.statements().get(0).conditions()).extracting(Condition::values).containsExactly(
                List.of("10"), List.of("true"), List.of("111122223333", "1.5", "false", "x"));
    }

    /**
     * The model can hold two conditions with the same operator and key (both must hold); a JSON
     * {@code Condition} block cannot. Keeping only one would turn "eu-west-1 only" into "eu-west-1 or
     * us-east-1", so the writer refuses and says how to fix it.
     */
    @Test
    void writerRefusesToDropAConditionSilently() {
        ConditionOperator eq = ConditionOperator.of(BaseOperator.STRING_EQUALS);
        Policy p = new Policy(Policy.VERSION_2012, null, List.of(new Statement("Both", Effect.ALLOW, null,
                Element.of("dynamodb:Query"), Element.of("*"), List.of(
                        new Condition(eq, "aws:RequestedRegion", List.of("eu-west-1")),
                        new Condition(eq, "aws:RequestedRegion", List.of("eu-west-1", "us-east-1"))))));
        assertThatThrownBy(() -> PolicyWriter.write(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two StringEquals conditions on aws:RequestedRegion");
    }

    /** The first two are the same policy, once with single strings and once with one-element arrays. */
    private static final List<String> HAND_WRITTEN = List.of(
            """
            {"Version":"2012-10-17","Id":"orders","Statement":{"Sid":"Q","Effect":"Allow",
             "Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
             "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}}""",
            """
            {"Version":"2012-10-17","Id":"orders","Statement":[{"Sid":"Q","Effect":"Allow",
             "Action":["dynamodb:Query"],"Resource":["arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"],
             "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}""",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["dynamodb:Get*","dynamodb:Query"],
             "NotResource":"arn:aws:dynamodb:*:*:table/Orders*",
             "Condition":{"NumericLessThan":{"dynamodb:Limit":10},"Bool":{"aws:SecureTransport":true},
              "ForAnyValue:StringNotEqualsIfExists":{"aws:PrincipalAccount":[111122223333,1.5,false,"x"]}}}]}""",
            """
            {"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"},
             {"Sid":"","Effect":"Allow","Principal":{"AWS":"111122223333","Service":["dynamodb.amazonaws.com"],
               "Federated":"cognito-identity.amazonaws.com","CanonicalUser":["79a59df900b949e55d96a1e698fbacedfd6e09d9"]},
              "Action":["sts:AssumeRole","sts:TagSession"]},
             {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","arn:aws:iam::111122223333:root"]},
              "NotAction":"s3:*","Resource":"*"}]}""",
            """
            {"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
             "Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]},
              "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},"Null":{"aws:TokenIssueTime":"false"},
              "ForAllValues:StringLike":{"dynamodb:Attributes":["a*","${aws:username}","\\u00e9\\"quoted\\""]}}}}""",
            """
            {"Version":"2012-10-17","Statement":[{"Sid":"Trust","Effect":"Allow",
             "NotPrincipal":"*","Action":"sts:AssumeRole",
             "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/keyhole-*"},
              "BinaryEquals":{"k:bin":"QUJD"},"StringEqualsIgnoreCaseIfExists":{"aws:PrincipalTag/team":"Payments"}}}]}""");

    // ---------------------------------------------------------------- generators

    private static Gen<Policy> policies() {
        Gen<Policy> gen = in -> new Draw(in).policy();
        return gen.describedAs(PolicyWriter::writePretty);
    }

    /** Draws one policy from QuickTheories' randomness, so that shrinking the draws shrinks the policy. */
    private static final class Draw {

        private static final String[] ALPHABET = {"a", "b", "Z", "0", "9", "-", "_", ".", "/", ":", "*", "?", "$", "{",
            "}", "${", "~", "\"", "\\", " ", "\t", "\n", "\u0001", "é", "日", "\uD83D\uDE00", "'", ",", "[", "]"};
        private static final String[] SERVICES = {"dynamodb", "s3", "sts", "iam", "*", "Dynamo?B"};
        private static final String[] PRINCIPAL_IDS = {"*", "111122223333", "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/r/s",
            "dynamodb.amazonaws.com", "accounts.google.com", "79a59df900b949e55d96a1e698fbacedfd6e09d9", ""};

        private final RandomnessSource in;

        Draw(RandomnessSource in) {
            this.in = in;
        }

        /** A number from {@code 0} to {@code n - 1}; shrinks towards {@code 0}. */
        private int below(int n) {
            return Generate.range(0, n - 1).generate(in);
        }

        private boolean oneIn(int n) {
            return below(n) == 0;
        }

        private <T> T pick(T[] xs) {
            return xs[below(xs.length)];
        }

        private String text(int maxLength) {
            StringBuilder sb = new StringBuilder();
            int n = below(maxLength + 1);
            for (int i = 0; i < n; i++) {
                sb.append(pick(ALPHABET));
            }
            return sb.toString();
        }

        Policy policy() {
            String version = switch (below(3)) {
                case 0 -> Policy.VERSION_2012;
                case 1 -> Policy.VERSION_2008;
                default -> null;
            };
            String id = oneIn(2) ? null : text(8);
            List<Statement> statements = new ArrayList<>();
            Set<String> sids = new HashSet<>();
            int n = 1 + below(4);
            for (int i = 0; i < n; i++) {
                statements.add(statement(sids));
            }
            return new Policy(version, id, statements);
        }

        private Statement statement(Set<String> sids) {
            String sid = switch (below(4)) {
                case 0 -> null;
                case 1 -> "";
                default -> text(6);
            };
            // IAM rejects duplicate Sids within a policy; empty ones may repeat.
            if (sid != null && !sid.isEmpty() && !sids.add(sid)) {
                sid = null;
            }
            Effect effect = oneIn(2) ? Effect.ALLOW : Effect.DENY;
            PrincipalElement principal = oneIn(2) ? null : principal();
            Element action = new Element(list(3, this::action), oneIn(3));
            Element resource = oneIn(4) ? null : new Element(list(3, this::resource), oneIn(3));
            return new Statement(sid, effect, principal, action, resource, conditions());
        }

        private PrincipalElement principal() {
            boolean negated = oneIn(3);
            if (oneIn(4)) {
                return new PrincipalElement(negated, true, Map.of());
            }
            Map<String, List<String>> byType = new LinkedHashMap<>();
            for (String type : PrincipalElement.TYPES) {
                if (oneIn(2)) {
                    byType.put(type, list(3, () -> oneIn(3) ? text(10) : pick(PRINCIPAL_IDS)));
                }
            }
            if (byType.isEmpty()) {
                byType.put("AWS", List.of(pick(PRINCIPAL_IDS)));
            }
            return new PrincipalElement(negated, false, byType);
        }

        /** {@code *} or {@code service:name}, as the parser insists. */
        private String action() {
            return oneIn(5) ? "*" : pick(SERVICES) + ":" + pick(new String[] {"Query", "Get*", "*", "?"}) + text(4);
        }

        /** {@code *} or an ARN with at least six components, as the parser insists. */
        private String resource() {
            if (oneIn(5)) {
                return "*";
            }
            return "arn:" + text(3) + ":" + text(3) + ":" + text(3) + ":" + text(3) + ":" + text(12);
        }

        /**
         * Conditions as a JSON block holds them: grouped by operator (in the order each operator first
         * appears) with distinct keys under one operator.
         */
        private List<Condition> conditions() {
            Map<ConditionOperator, Map<String, Condition>> byOperator = new LinkedHashMap<>();
            int n = below(6);
            for (int i = 0; i < n; i++) {
                ConditionOperator op = new ConditionOperator(pick(SetQualifier.values()), pick(BaseOperator.values()),
                        oneIn(3));
                String key = oneIn(3) ? pick(new String[] {"aws:RequestedRegion", "dynamodb:LeadingKeys", "AWS:username"})
                        : "k" + text(6);
                byOperator.computeIfAbsent(op, o -> new LinkedHashMap<>())
                        .putIfAbsent(key, new Condition(op, key, list(3, () -> text(8))));
            }
            List<Condition> out = new ArrayList<>();
            byOperator.values().forEach(m -> out.addAll(m.values()));
            return out;
        }

        private List<String> list(int max, Supplier<String> one) {
            List<String> out = new ArrayList<>();
            int n = 1 + below(max);
            for (int i = 0; i < n; i++) {
                out.add(one.get());
            }
            return out;
        }
    }
}
