package dev.keyhole.iam.lint;

/**
 * Every check the linter runs: a stable id, a severity, what it finds and the usual fix.
 * {@code docs/policy-lint.md} lists the same table; SARIF output carries it as the rule list.
 */
public enum Check {
    INVALID_JSON("invalid-json", Severity.ERROR, "the document is not JSON", "write the policy as one JSON object"),
    INVALID_POLICY("invalid-policy", Severity.ERROR, "the document does not have the shape of an IAM policy",
            "follow the policy grammar: `Version`, and `Statement` with `Effect`, `Action` and `Resource`"),
    UNKNOWN_ELEMENT("unknown-element", Severity.ERROR, "an element IAM does not know, or one in the wrong case",
            "remove it or spell it as the grammar does (element names are case-sensitive)"),
    INVALID_VERSION("invalid-version", Severity.ERROR, "`Version` is not a policy language version",
            "use `\"Version\": \"2012-10-17\"`"),
    INVALID_EFFECT("invalid-effect", Severity.ERROR, "`Effect` is not exactly `Allow` or `Deny`",
            "write `Allow` or `Deny`"),
    INVALID_ACTION("invalid-action", Severity.ERROR, "an action is not `*` or `service:action`",
            "write actions as `service:Action`, e.g. `dynamodb:Query`"),
    INVALID_RESOURCE("invalid-resource", Severity.ERROR, "a resource is not `*` or an ARN",
            "write `arn:partition:service:region:account:resource`"),
    INVALID_SID("invalid-sid", Severity.ERROR, "a `Sid` holds characters other than ASCII letters and digits",
            "use only A-Z, a-z and 0-9 in `Sid`"),
    DUPLICATE_SID("duplicate-sid", Severity.ERROR, "two statements share a `Sid`", "give each statement its own `Sid`"),
    UNKNOWN_OPERATOR("unknown-operator", Severity.ERROR, "a condition operator IAM does not know",
            "use an operator from the IAM reference, e.g. `StringEquals`, `ForAllValues:StringLike`"),
    NULL_WITH_IF_EXISTS("null-with-ifexists", Severity.ERROR, "`IfExists` on the `Null` operator, which IAM does not allow",
            "use `Null` alone: it already tests whether the key exists"),
    VARIABLE_NOT_ALLOWED("variable-not-allowed", Severity.ERROR,
            "a policy variable where it is not substituted (only string and ARN operators and `Resource` take them)",
            "compare with a string or ARN operator, or write the value out"),
    INVALID_CONDITION_VALUE("invalid-condition-value", Severity.ERROR,
            "a condition value the operator cannot read (a number, date, boolean, IP range or `Null` flag)",
            "write a value of the operator's type"),
    ELEMENT_FOR_POLICY_KIND("element-for-policy-kind", Severity.ERROR,
            "an element that this kind of policy must have, or must not have (`Principal`, `Resource`)",
            "identity and session policies: no `Principal`, always `Resource`; trust and resource policies: `Principal`"),
    UNKNOWN_ACTION("unknown-action", Severity.ERROR, "an action (or action pattern) that matches no action of a known service",
            "check the spelling against the Service Authorization Reference"),
    UNKNOWN_CONDITION_KEY("unknown-condition-key", Severity.ERROR, "a condition key that AWS does not define",
            "check the spelling against the Service Authorization Reference; a missing key makes the condition false"),
    POLICY_SIZE("policy-size", Severity.ERROR, "the policy is longer than IAM's quota for its kind",
            "split it or narrow it; IAM counts characters without white space"),
    FOR_ALL_VALUES_FAILS_OPEN("forallvalues-fails-open", Severity.SECURITY,
            "an Allow whose `ForAllValues` test passes when the key is missing, so requests without it get through",
            "add `\"Null\": {\"KEY\": \"false\"}` to the statement"),
    WILDCARD_ACTION("wildcard-action", Severity.SECURITY, "an Allow with a wildcard in `Action`",
            "list the exact actions the caller needs"),
    WILDCARD_RESOURCE("wildcard-resource", Severity.SECURITY, "an Allow on `*` or a wildcard ARN for actions that can be scoped",
            "list the exact table and index ARNs"),
    ALLOW_WITH_NOT_ACTION("allow-with-notaction", Severity.SECURITY, "an Allow with `NotAction` grants every other action, "
            + "including ones AWS adds later", "use `Action` with the actions meant"),
    ALLOW_WITH_NOT_RESOURCE("allow-with-notresource", Severity.SECURITY, "an Allow with `NotResource` grants every other "
            + "resource, including ones created later", "use `Resource` with the ARNs meant"),
    PASSROLE_WILDCARD("passrole-wildcard", Severity.SECURITY, "`iam:PassRole` allowed on `*` lets the caller hand any role "
            + "to a service", "allow `iam:PassRole` only on the role ARNs meant, with `iam:PassedToService`"),
    SCAN_ALLOWED("scan-allowed", Severity.WARNING, "an Allow that includes `dynamodb:Scan`, which reads every item and "
            + "is never narrowed by `dynamodb:LeadingKeys`", "use Query or GetItem; allow Scan only on purpose"),
    SET_OPERATOR_ON_SINGLE_VALUED_KEY("set-operator-on-single-valued-key", Severity.WARNING,
            "`ForAllValues` or `ForAnyValue` on a key that holds one value", "drop the set operator"),
    KEY_NOT_SUPPORTED("key-not-supported", Severity.WARNING,
            "a condition key that requests for one of the statement's actions never carry",
            "move the action to its own statement, or drop the condition"),
    WRITE_WITH_ATTRIBUTE_RESTRICTION("write-with-attribute-restriction", Severity.WARNING,
            "write actions allowed beside a `dynamodb:Attributes` restriction, which cannot stop a write from "
                    + "replacing or deleting whole items", "allow writes in a statement of their own, on purpose"),
    NO_REGION_PIN("no-region-pin", Severity.WARNING, "a DynamoDB Allow that works in any region",
            "add `\"StringEquals\": {\"aws:RequestedRegion\": \"REGION\"}` or name the region in every ARN"),
    MISSING_VERSION("missing-version", Severity.WARNING, "no `Version`: IAM reads the policy as 2008-10-17, "
            + "where `${...}` is literal text", "add `\"Version\": \"2012-10-17\"`"),
    REDUNDANT_STATEMENT("redundant-statement", Severity.SUGGESTION,
            "a statement whose every request another statement of the same effect already covers",
            "remove it, or merge the two"),
    SUPPRESSION_WITHOUT_JUSTIFICATION("suppression-without-justification", Severity.ERROR,
            "a suppression with no justification", "say why the finding is acceptable in `justification`");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String fix;

    Check(String id, Severity severity, String summary, String fix) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.fix = fix;
    }

    /** The stable id used in output and suppressions. */
    public String id() {
        return id;
    }

    /** How much it matters. */
    public Severity severity() {
        return severity;
    }

    /** What the check finds, in one line. */
    public String summary() {
        return summary;
    }

    /** The usual fix. */
    public String fix() {
        return fix;
    }

    /** The check with this id, or {@code null}. */
    public static Check byId(String id) {
        for (Check c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
