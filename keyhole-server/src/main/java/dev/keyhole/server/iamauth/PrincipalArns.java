package dev.keyhole.server.iamauth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyhole principal an STS caller ARN stands for. A role session
 * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} becomes its role {@code arn:aws:iam::ACCOUNT:role/ROLE}
 * — without the role's path, which the session ARN does not carry; IAM maps an assumed-role principal to its
 * role the same way in trust and resource policies. An IAM user stays {@code arn:aws:iam::ACCOUNT:user/NAME} as
 * STS returns it. The account root and federated users are not principals here.
 */
final class PrincipalArns {

    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/[\\w+=,.@-]+");
    private static final Pattern USER = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:user/(?:[\\x21-\\x7e]*/)?[\\w+=,.@-]{1,64}");

    private PrincipalArns() {}

    /** The principal for {@code callerArn}, or empty when it is neither a role session nor an IAM user. */
    static Optional<String> principal(String callerArn) {
        Matcher m = ASSUMED_ROLE.matcher(callerArn);
        if (m.matches()) {
            return Optional.of("arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3));
        }
        if (USER.matcher(callerArn).matches()) {
            return Optional.of(callerArn);
        }
        return Optional.empty();
    }
}
