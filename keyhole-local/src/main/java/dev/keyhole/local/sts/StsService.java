package dev.keyhole.local.sts;

import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.evaluate.PolicyType;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.local.security.Caller;
import dev.keyhole.local.security.Denials;
import dev.keyhole.local.security.IamRole;
import dev.keyhole.local.security.Identities;
import dev.keyhole.local.security.RequestContexts;
import dev.keyhole.local.security.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS {@code AssumeRole} and {@code GetCallerIdentity}, answering with STS's XML.
 * Parameters and limits: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
public final class StsService {

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final int MAX_PACKED_POLICY = 2048;
    private static final long ROLE_CHAINING_MAX_SECONDS = 3600;
    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final Identities identities;

    public StsService(Identities identities) {
        this.identities = identities;
    }

    /** Handles one STS call; {@code params} are the form parameters. Returns the XML body. */
    public String handle(Caller caller, Map<String, String> params, String region, String sourceIp, String requestId) {
        String action = params.getOrDefault("Action", "");
        return switch (action) {
            case "GetCallerIdentity" -> "<GetCallerIdentityResponse xmlns=\"" + NS + "\"><GetCallerIdentityResult>"
                    + "<Arn>" + xml(caller.principal().arn()) + "</Arn><UserId>" + xml(caller.principal().id())
                    + "</UserId><Account>" + xml(identities.account()) + "</Account></GetCallerIdentityResult>"
                    + metadata(requestId) + "</GetCallerIdentityResponse>";
            case "AssumeRole" -> assumeRole(caller, params, region, sourceIp, requestId);
            default -> throw new StsError("InvalidAction", "Could not find operation " + action + " for version "
                    + params.getOrDefault("Version", "NO_VERSION_SPECIFIED"), 400);
        };
    }

    private String assumeRole(Caller caller, Map<String, String> p, String region, String sourceIp, String requestId) {
        List<String> problems = new ArrayList<>();
        String roleArn = p.get("RoleArn");
        String name = p.get("RoleSessionName");
        if (roleArn == null) {
            problems.add("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        } else if (roleArn.length() < 20) {
            problems.add("Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: Member must have length "
                    + "greater than or equal to 20");
        }
        if (name == null) {
            problems.add("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        } else {
            if (name.length() < 2) {
                problems.add("Value '" + name + "' at 'roleSessionName' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 2");
            } else if (name.length() > 64) {
                problems.add("Value '" + name + "' at 'roleSessionName' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 64");
            }
            if (!SESSION_NAME.matcher(name).matches()) {
                problems.add("Value '" + name + "' at 'roleSessionName' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [\\w+=,.@-]*");
            }
        }
        long seconds = 3600;
        if (p.containsKey("DurationSeconds")) {
            try {
                seconds = Long.parseLong(p.get("DurationSeconds"));
            } catch (NumberFormatException e) {
                throw StsError.validation("Value '" + p.get("DurationSeconds") + "' at 'durationSeconds' failed to "
                        + "satisfy constraint: Member must be a number");
            }
            if (seconds < 900) {
                problems.add("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: Member must "
                        + "have value greater than or equal to 900");
            } else if (seconds > 43200) {
                problems.add("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: Member must "
                        + "have value less than or equal to 43200");
            }
        }
        String sourceIdentity = p.get("SourceIdentity");
        if (sourceIdentity != null && (sourceIdentity.length() < 2 || sourceIdentity.length() > 64
                || !SESSION_NAME.matcher(sourceIdentity).matches())) {
            problems.add("Value '" + sourceIdentity + "' at 'sourceIdentity' failed to satisfy constraint: Member must "
                    + "satisfy regular expression pattern: [\\w+=,.@-]* and have length from 2 to 64");
        }
        if (!problems.isEmpty()) {
            throw StsError.validation(problems.size() + " validation error" + (problems.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", problems));
        }
        Policy sessionPolicy = null;
        String policyText = p.get("Policy");
        if (policyText != null) {
            try {
                sessionPolicy = PolicyParser.parse(policyText);
            } catch (PolicyParseException e) {
                // wording not verified: STS now answers with its JSON parser's own message
                throw new StsError("MalformedPolicyDocument", "The policy is not in the valid JSON format: "
                        + e.getMessage(), 400);
            }
            int packed = PolicyWriter.write(sessionPolicy).length();
            if (packed > MAX_PACKED_POLICY) {
                // wording not verified
                throw new StsError("PackedPolicyTooLarge", "Packed policy consumes " + (packed * 100 / MAX_PACKED_POLICY)
                        + "% of allotted space, please use smaller policy.", 400);
            }
        }
        Map<String, String> tags = tags(p);
        IamRole role = identities.role(roleArn);
        String denied = "User: " + caller.principal().arn() + " is not authorized to perform: sts:AssumeRole on "
                + "resource: " + roleArn;
        if (role == null) {
            throw new StsError("AccessDenied", denied, 403);
        }
        Instant now = identities.clock().instant();
        RequestContext.Builder ctx = RequestContexts.global(caller, region, now, false, sourceIp)
                .put("sts:RoleSessionName", name);
        if (sourceIdentity != null) {
            ctx.put("sts:SourceIdentity", sourceIdentity);
        }
        if (!tags.isEmpty()) {
            ctx.put("aws:TagKeys", ContextValue.ofSet(List.copyOf(tags.keySet())));
            tags.forEach((k, v) -> ctx.put("aws:RequestTag/" + k, v));
        }
        RequestContext context = ctx.build();
        List<String> actions = new ArrayList<>(List.of("sts:AssumeRole"));
        if (sourceIdentity != null) {
            actions.add("sts:SetSourceIdentity");
        }
        if (!tags.isEmpty()) {
            actions.add("sts:TagSession");
        }
        // A role's trust policy is required: an identity-based Allow alone never lets anyone assume a role.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
        PolicySet withTrust = caller.policies().withResourcePolicy(role.trust());
        for (String action : actions) {
            Decision d = withTrust.evaluate(new Request(caller.principal(), action, roleArn, context));
            if (!d.allowed()) {
                throw new StsError("AccessDenied", Denials.message(caller.principal().arn(), action, roleArn, d), 403);
            }
            boolean trusted = d.trace().stream()
                    .anyMatch(t -> t.type() == PolicyType.RESOURCE && t.statement() != null && t.verdict().equals("allow"));
            if (!trusted) {
                throw new StsError("AccessDenied", "User: " + caller.principal().arn() + " is not authorized to perform: "
                        + action + " on resource: " + roleArn, 403);
            }
        }
        if (caller.session() != null && seconds > ROLE_CHAINING_MAX_SECONDS) {
            // Role chaining: credentials from a role session can only get one hour, whatever the role allows.
            throw StsError.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (seconds > role.maxSession().toSeconds()) {
            throw StsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Session s = identities.mint(role, name, sessionPolicy, sourceIdentity, tags, Duration.ofSeconds(seconds));
        String arn = "arn:aws:sts::" + identities.account() + ":assumed-role/" + role.name() + "/" + name;
        int packedPercent = policyText == null ? 0
                : (int) Math.ceil(PolicyWriter.write(sessionPolicy).length() * 100.0 / MAX_PACKED_POLICY);
        return "<AssumeRoleResponse xmlns=\"" + NS + "\"><AssumeRoleResult>"
                + (sourceIdentity == null ? "" : "<SourceIdentity>" + xml(sourceIdentity) + "</SourceIdentity>")
                + "<AssumedRoleUser><AssumedRoleId>" + xml(role.id() + ":" + name) + "</AssumedRoleId><Arn>" + xml(arn)
                + "</Arn></AssumedRoleUser><Credentials><AccessKeyId>" + s.accessKeyId() + "</AccessKeyId>"
                + "<SecretAccessKey>" + xml(s.secret()) + "</SecretAccessKey><SessionToken>" + xml(s.token())
                + "</SessionToken><Expiration>" + s.expires().truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
                + "</Credentials>" + (policyText == null && tags.isEmpty() ? "" : "<PackedPolicySize>" + packedPercent
                + "</PackedPolicySize>") + "</AssumeRoleResult>" + metadata(requestId) + "</AssumeRoleResponse>";
    }

    private static Map<String, String> tags(Map<String, String> p) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(p.get("Tags.member." + i + ".Key"), p.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return tags;
    }

    private static String metadata(String requestId) {
        return "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>";
    }

    /** Escapes text for XML. */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The XML error body. */
    public static String errorXml(String code, String message, String requestId, boolean sender) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (sender ? "Sender" : "Receiver") + "</Type><Code>"
                + xml(code) + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }
}
