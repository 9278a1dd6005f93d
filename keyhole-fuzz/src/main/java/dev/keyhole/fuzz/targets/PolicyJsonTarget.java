package dev.keyhole.fuzz.targets;

import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Seeds;
import dev.keyhole.fuzz.Target;
import dev.keyhole.iam.lint.PolicyKind;
import dev.keyhole.iam.lint.PolicyLinter;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyProblem;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * IAM policy JSON: parsing, the canonical writer and the linter. The parser documents one rejection,
 * {@link PolicyParseException}, each problem with a JSON pointer and a message; the linter documents none (bad
 * JSON is a finding). Oracles: nothing else is thrown; every problem has a message; what parses is written and
 * parsed back to an equal policy ({@code parse(write(p)) == p}).
 */
public final class PolicyJsonTarget implements Target {

    private static final PolicyLinter LINTER = PolicyLinter.standard();
    private static final PolicyKind[] KINDS = PolicyKind.values();

    @Override
    public String name() {
        return "policy-json";
    }

    @Override
    public List<byte[]> seeds() {
        return Seeds.of(name());
    }

    @Override
    public List<String> dictionary() {
        return List.of("\"Version\"", "\"2012-10-17\"", "\"2008-10-17\"", "\"Id\"", "\"Statement\"", "\"Sid\"",
                "\"Effect\"", "\"Allow\"", "\"Deny\"", "\"Action\"", "\"NotAction\"", "\"Resource\"", "\"NotResource\"",
                "\"Principal\"", "\"NotPrincipal\"", "\"AWS\"", "\"Service\"", "\"Federated\"", "\"*\"", "\"Condition\"",
                "\"StringEquals\"", "\"StringLike\"", "\"ForAllValues:StringEquals\"", "\"ForAnyValue:StringLike\"",
                "\"NumericLessThan\"", "\"DateLessThan\"", "\"Bool\"", "\"IpAddress\"", "\"ArnLike\"", "\"Null\"",
                "\"StringEqualsIfExists\"", "\"BinaryEquals\"", "\"dynamodb:LeadingKeys\"", "\"dynamodb:Attributes\"",
                "\"aws:CurrentTime\"", "\"aws:SourceIp\"", "\"dynamodb:Query\"", "\"dynamodb:*\"", "\"s3:Get*\"",
                "\"arn:aws:dynamodb:us-east-1:000000000000:table/Orders\"", "\"${aws:username}\"", "\"10.0.0.0/8\"",
                "\"::1/128\"", "\"2026-01-01T00:00:00Z\"", "1e400", "-0", "true", "null", "[]", "{}", ",", ":");
    }

    @Override
    public String run(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        String lint = lintSignature(json, KINDS[Math.floorMod(json.length(), KINDS.length)]);
        Policy policy;
        try {
            policy = PolicyParser.parse(json);
        } catch (PolicyParseException e) {
            if (e.problems().isEmpty()) {
                throw new Finding(Finding.Kind.BAD_REJECTION, "a parse error without problems");
            }
            for (PolicyProblem p : e.problems()) {
                if (p.message() == null || p.message().isBlank() || p.pointer() == null) {
                    throw new Finding(Finding.Kind.BAD_REJECTION, "a problem without a message or pointer: " + p);
                }
            }
            return "rejected " + Signatures.of(e.problems().get(0).message()) + " / " + lint;
        }
        String written = PolicyWriter.write(policy);
        Policy again = PolicyParser.parse(written);
        if (!again.equals(policy)) {
            throw new Finding(Finding.Kind.WRONG_ANSWER, "parse(write(p)) differs from p; written as " + written);
        }
        return "parsed / " + lint;
    }

    private static String lintSignature(String json, PolicyKind kind) {
        var findings = LINTER.lint(json, kind);
        for (var f : findings) {
            if (f.message() == null || f.message().isBlank()) {
                throw new Finding(Finding.Kind.BAD_REJECTION, "a lint finding without a message: " + f);
            }
        }
        return findings.isEmpty() ? "clean" : findings.get(0).check().toString();
    }
}
