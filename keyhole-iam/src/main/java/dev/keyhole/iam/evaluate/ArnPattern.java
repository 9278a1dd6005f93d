package dev.keyhole.iam.evaluate;

/**
 * A {@code Resource} entry or an ARN condition value, matched as IAM matches ARNs: case-sensitive,
 * each of the six colon-delimited components on its own, {@code *} and {@code ?} wildcards within a
 * component ({@code *} in the resource component crosses {@code /}). A bare {@code *} matches anything.
 *
 * <p>A pattern with fewer than six components is matched against the whole ARN text instead.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
final class ArnPattern {

    private final Glob whole;
    private final Glob[] parts;

    ArnPattern(Glob glob) {
        this.whole = glob;
        this.parts = glob.isStar() ? null : glob.splitArn();
    }

    /** The text the pattern was built from. */
    String text() {
        return whole.text();
    }

    /** Whether the pattern is one exact ARN with no wildcard. */
    boolean isLiteral() {
        return whole.isLiteral();
    }

    boolean matches(Arn arn) {
        if (whole.isStar()) {
            return true;
        }
        if (parts == null || !arn.valid) {
            return whole.matches(arn.text);
        }
        for (int i = 0; i < 6; i++) {
            if (!parts[i].matches(arn.text, arn.starts[i], arn.ends[i])) {
                return false;
            }
        }
        return true;
    }
}
