package dev.keyhole.iam.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.iam.policy.BaseOperator;
import dev.keyhole.iam.policy.Condition;
import dev.keyhole.iam.policy.ConditionOperator;
import dev.keyhole.iam.policy.Effect;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.policy.SetQualifier;
import dev.keyhole.iam.policy.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html */
class PolicyParserTest {

    private static List<PolicyProblem> problems(String json) {
        try {
            PolicyParser.parse(json);
        } catch (PolicyParseException e) {
            return e.problems();
        }
        throw new AssertionError("expected the policy to be rejected: " + json);
    }

    @Test
    void statementMayBeASingleObjectAndValuesSingleStrings() {
        Policy p = PolicyParser.parse("""
                {"Version":"2012-10-17","Id":"x","Statement":{"Sid":"A","Effect":"Allow",
                 "Action":"dynamodb:Query","Resource":"*"}}""");
        assertThat(p.version()).isEqualTo("2012-10-17");
        assertThat(p.id()).isEqualTo("x");
        Statement s = p.statements().get(0);
        assertThat(s.sid()).isEqualTo("A");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.action().values()).containsExactly("dynamodb:Query");
        assertThat(s.resource().values()).containsExactly("*");
    }

    @Test
    void everyPrincipalShapeIsAccepted() {
        Policy p = PolicyParser.parse("""
                {"Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject"},
                 {"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:root"],
                   "Service":"dynamodb.amazonaws.com","Federated":"cognito-identity.amazonaws.com",
                   "CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                  "Action":"s3:GetObject"},
                 {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"NotAction":"s3:*"}]}""");
        assertThat(p.statements().get(0).principal().wildcard()).isTrue();
        assertThat(p.statements().get(1).principal().byType()).containsOnlyKeys("AWS", "Service", "Federated", "CanonicalUser");
        assertThat(p.statements().get(2).principal().negated()).isTrue();
        assertThat(p.statements().get(2).action().negated()).isTrue();
    }

    @Test
    void conditionValuesMayBeNumbersBooleansAndArrays() {
        Policy p = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
                 "Condition":{"NumericLessThan":{"dynamodb:Limit":10},"Bool":{"aws:SecureTransport":true},
                  "ForAllValues:StringLikeIfExists":{"dynamodb:Attributes":["a","b*"]}}}]}""");
        List<Condition> cs = p.statements().get(0).conditions();
        assertThat(cs).hasSize(3);
        assertThat(cs.get(0).values()).containsExactly("10");
        assertThat(cs.get(1).values()).containsExactly("true");
        assertThat(cs.get(2).operator())
                .isEqualTo(new ConditionOperator(SetQualifier.FOR_ALL_VALUES, BaseOperator.STRING_LIKE, true));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsJsonPointer() {
        List<PolicyProblem> ps = problems("""
                {"Version":"2013-01-01","Statment":[],"Statement":[
                 {"Effect":"allow","Action":"Query","Resource":"table/Orders"},
                 {"Effect":"Deny","Action":"s3:*","NotAction":"s3:Get*","Resource":"*",
                  "Condition":{"StringEqualz":{"k":"v"}}}]}""");
        assertThat(ps).extracting(PolicyProblem::pointer).containsExactlyInAnyOrder(
                "/Version", "/Statment", "/Statement/0/Effect", "/Statement/0/Action", "/Statement/0/Resource",
                "/Statement/1", "/Statement/1/Condition/StringEqualz");
        assertThat(ps).allSatisfy(p -> assertThat(p.message()).isNotBlank().doesNotContain("Exception"));
    }

    @Test
    void arrayElementsArePointedToByIndex() {
        List<PolicyProblem> ps = problems("""
                {"Statement":[{"Effect":"Allow","Action":["dynamodb:Query","Scan"],"Resource":["*", 7]}]}""");
        assertThat(ps).extracting(PolicyProblem::pointer)
                .containsExactlyInAnyOrder("/Statement/0/Action/1", "/Statement/0/Resource/1");
    }

    @Test
    void missingEffectAndActionAreNamed() {
        List<PolicyProblem> ps = problems("{\"Statement\":[{\"Resource\":\"*\"}]}");
        assertThat(ps).extracting(PolicyProblem::message)
                .anySatisfy(m -> assertThat(m).contains("missing `Effect`"))
                .anySatisfy(m -> assertThat(m).contains("missing `Action`"));
    }

    @Test
    void duplicateSidsAreRejected() {
        assertThat(problems("""
                {"Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},
                 {"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]}"""))
                .extracting(PolicyProblem::pointer).containsExactly("/Statement/1/Sid");
    }

    @Test
    void caseMistakesInElementNamesGetAHint() {
        assertThat(problems("{\"statement\":[]}")).extracting(PolicyProblem::message)
                .anySatisfy(m -> assertThat(m).contains("did you mean `Statement`"));
    }

    @Test
    void duplicateJsonKeysAndBrokenJsonAreClearErrors() {
        assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":[], \"Statement\":[]}"))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":["))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("line 1");
    }

    @Test
    void actionsAreKeptExactlyAsWrittenWithoutTrimming() {
        Policy p = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\" dynamodb:Query\",\"Resource\":\"*\"}}");
        assertThat(p.statements().get(0).action().values()).containsExactly(" dynamodb:Query");
    }

    @Test
    void canonicalWriterRoundTrips() {
        String json = """
                {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":["1","2"]},
                 "NotAction":"dynamodb:Scan","NotResource":["arn:aws:dynamodb:*:*:table/X"],
                 "Condition":{"StringEquals":{"a":"b"},"Null":{"c":"true"}}}]}""";
        Policy p = PolicyParser.parse(json);
        assertThat(PolicyParser.parse(PolicyWriter.write(p))).isEqualTo(p);
        assertThat(PolicyParser.parse(PolicyWriter.writePretty(p))).isEqualTo(p);
        assertThat(PolicyWriter.write(p)).startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\"");
    }
}
