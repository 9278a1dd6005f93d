#!/usr/bin/env python3
"""Writes keyhole-iam/src/test/resources/conformance/lead-*.yaml from compact specs."""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "conformance")
D = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
EVAL = D + "reference_policies_evaluation-logic.html"
COND = D + "reference_policies_elements_condition_operators.html"
MULTI = D + "reference_policies_condition-single-vs-multi-valued-context-keys.html"
VARS = D + "reference_policies_variables.html"
ACTION = D + "reference_policies_elements_action.html"
NOTACTION = D + "reference_policies_elements_notaction.html"
RES = D + "reference_policies_elements_resource.html"
NOTRES = D + "reference_policies_elements_notresource.html"
BOUND = D + "access_policies_boundaries.html"
SESS = D + "access_policies.html#policies_session"
PRIN = D + "reference_policies_elements_principal.html"
NOTPRIN = D + "reference_policies_elements_notprincipal.html"
KEYS = D + "reference_policies_condition-keys.html"
DDB = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html"

ACCT = "111122223333"
TABLE = f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/Orders"
INDEX = TABLE + "/index/byStatus"
SESSION_P = {"type": "AssumedRole", "arn": f"arn:aws:sts::{ACCT}:assumed-role/keyhole-exec/kh-1",
             "id": "AROAEXAMPLE:kh-1", "account": ACCT, "tags": {"team": "payments"}}
USER_P = {"type": "User", "arn": f"arn:aws:iam::{ACCT}:user/alice", "id": "AIDAEXAMPLEALICE", "account": ACCT,
          "tags": {"team": "orders"}}

def stmt(effect, action, resource="*", cond=None, sid=None, not_action=False, not_resource=False, principal=None,
         not_principal=False):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["NotPrincipal" if not_principal else "Principal"] = principal
    s["NotAction" if not_action else "Action"] = action
    if resource is not None:
        s["NotResource" if not_resource else "Resource"] = resource
    if cond:
        s["Condition"] = cond
    return s

def pol(*stmts, version="2012-10-17"):
    p = {}
    if version:
        p["Version"] = version
    p["Statement"] = list(stmts)
    return p

def allow(action="dynamodb:Query", resource=TABLE, cond=None, sid="A", **kw):
    return pol(stmt("Allow", action, resource, cond, sid, **kw))

cases = []

def case(slug, note, doc, want, action="dynamodb:Query", resource=TABLE, principal=None, context=None,
         identity=None, boundary=None, session=None, resource_policy=None, by=None, missing=None):
    c = {"note": note, "doc": doc,
         "request": {"action": action, "resource": resource, "principal": principal or SESSION_P}}
    if context:
        c["request"]["context"] = context
    if identity is not None:
        c["identityPolicies"] = identity
    if boundary is not None:
        c["permissionsBoundary"] = boundary
    if session is not None:
        c["sessionPolicy"] = session
    if resource_policy is not None:
        c["resourcePolicy"] = resource_policy
    w = {"decision": want}
    if by:
        w["decidedBy"] = by
    if missing:
        w["noAllowIn"] = missing
    c["want"] = w
    cases.append((slug, c))

def cond_case(slug, note, op, key, values, ctx, want, doc=COND):
    """A single Allow statement with one condition; Allow when the condition holds."""
    context = {}
    if ctx is not None:
        context[key] = ctx
    case(slug, note, doc, "Allow" if want else "ImplicitDeny",
         context=context or None, identity=[allow(cond={op: {key: values}})],
         by="identity[0]/A" if want else None, missing=None if want else ["identity"])

# --- evaluation logic -------------------------------------------------------------------------
case("eval-default-deny", "with no policy at all the request is implicitly denied", EVAL, "ImplicitDeny",
     identity=[], missing=["identity"])
case("eval-allow", "a matching Allow in an identity policy allows", EVAL, "Allow", identity=[allow()],
     by="identity[0]/A")
case("eval-deny-wins-same-policy", "an explicit Deny overrides an Allow in the same policy", EVAL, "ExplicitDeny",
     identity=[pol(stmt("Allow", "dynamodb:*", "*", sid="All"), stmt("Deny", "dynamodb:Query", TABLE, sid="NoQ"))],
     by="identity[0]/NoQ")
case("eval-deny-wins-other-policy", "an explicit Deny in another identity policy overrides an Allow", EVAL,
     "ExplicitDeny", identity=[allow(), pol(stmt("Deny", "dynamodb:*", "*", sid="D"))], by="identity[1]/D")
case("eval-deny-in-session", "an explicit Deny in the session policy wins over identity allows", SESS,
     "ExplicitDeny", identity=[allow()], session=pol(stmt("Allow", "*", "*", sid="S"), stmt("Deny", "dynamodb:Query", "*", sid="SD")),
     by="sessionPolicy/SD")
case("eval-deny-in-boundary", "an explicit Deny in the permissions boundary wins", BOUND, "ExplicitDeny",
     identity=[allow()], boundary=pol(stmt("Deny", "dynamodb:Query", "*", sid="BD")), by="permissionsBoundary/BD")
case("eval-deny-in-resource-policy", "an explicit Deny in the resource-based policy wins", EVAL, "ExplicitDeny",
     identity=[allow()], resource_policy=pol(stmt("Deny", "dynamodb:Query", TABLE, sid="RD", principal="*")),
     by="resourcePolicy/RD")
case("eval-first-deny-named", "the first matching Deny in evaluation order is named", EVAL, "ExplicitDeny",
     identity=[pol(stmt("Deny", "*", "*")), pol(stmt("Deny", "dynamodb:Query", "*", sid="Second"))],
     by="identity[0]/#0")
case("eval-first-allow-named", "the first matching Allow of the identity policies is named", EVAL, "Allow",
     identity=[pol(stmt("Allow", "s3:*", "*", sid="Other")), pol(stmt("Allow", "dynamodb:*", "*"), stmt("Allow", "*", "*", sid="Later"))],
     by="identity[1]/#0")
case("eval-deny-other-action-no-effect", "a Deny for another action does not affect the request", EVAL, "Allow",
     identity=[allow(), pol(stmt("Deny", "dynamodb:Scan", "*", sid="D"))], by="identity[0]/A")
case("eval-boundary-intersection", "identity allows but the boundary does not: implicit deny", BOUND,
     "ImplicitDeny", identity=[allow()], boundary=allow("dynamodb:GetItem"), missing=["permissionsBoundary"])
case("eval-boundary-allows", "identity and boundary both allow: allowed", BOUND, "Allow",
     identity=[allow()], boundary=allow("dynamodb:*", "*", sid="B"), by="identity[0]/A")
case("eval-boundary-alone-grants-nothing", "a boundary that allows grants nothing by itself", BOUND,
     "ImplicitDeny", identity=[], boundary=allow("*", "*"), missing=["identity"])
case("eval-session-intersection", "identity allows but the session policy does not: implicit deny", SESS,
     "ImplicitDeny", identity=[allow()], session=allow("dynamodb:GetItem"), missing=["sessionPolicy"])
case("eval-session-alone-grants-nothing", "a session policy cannot grant more than identity policies", SESS,
     "ImplicitDeny", identity=[allow("dynamodb:GetItem")], session=allow("*", "*"), missing=["identity"])
case("eval-no-session-policy", "a role session without a session policy is limited by identity policies only",
     SESS, "Allow", identity=[allow()], by="identity[0]/A")
case("eval-all-three", "identity, boundary and session all allow: allowed", EVAL, "Allow",
     identity=[allow()], boundary=allow("dynamodb:Query", "*", sid="B"), session=allow(sid="S"), by="identity[0]/A")
case("eval-nothing-allows-lists-all", "no policy allows: every present type lacks an Allow", EVAL, "ImplicitDeny",
     identity=[allow("s3:GetObject", "*")], boundary=allow("s3:*", "*"), session=allow("s3:*", "*"),
     missing=["identity", "permissionsBoundary", "sessionPolicy"])
case("eval-boundary-and-session-missing", "boundary and session both lack an Allow", EVAL, "ImplicitDeny",
     identity=[allow()], boundary=allow("s3:*", "*"), session=allow("s3:*", "*"),
     missing=["permissionsBoundary", "sessionPolicy"])

# --- resource-based policies ----------------------------------------------------------------------
ROLE_ARN = f"arn:aws:iam::{ACCT}:role/keyhole-exec"
case("rbp-user-arn-not-limited-by-boundary", "a same-account resource policy naming the IAM user allows even when "
     "the boundary does not", BOUND, "Allow", principal=USER_P, identity=[], boundary=allow("s3:*", "*"),
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": USER_P["arn"]})),
     by="resourcePolicy/R")
case("rbp-session-arn-not-limited-by-session-policy", "a resource policy naming the role session directly is not "
     "limited by the session policy", SESS, "Allow", identity=[], session=allow("s3:*", "*"),
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": SESSION_P["arn"]})),
     by="resourcePolicy/R")
case("rbp-role-arn-limited-by-session-policy", "a resource policy naming the role ARN is limited by the session "
     "policy", SESS, "ImplicitDeny", identity=[], session=allow("s3:*", "*"),
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": ROLE_ARN})),
     missing=["sessionPolicy"])
case("rbp-role-arn-limited-by-boundary", "a resource policy naming the role ARN is limited by the boundary",
     BOUND, "ImplicitDeny", identity=[], boundary=allow("s3:*", "*"),
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": ROLE_ARN})),
     missing=["permissionsBoundary"])
case("rbp-role-arn-without-limits", "a resource policy naming the role ARN allows when nothing limits it", EVAL,
     "Allow", identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": ROLE_ARN})),
     by="resourcePolicy/R")
case("rbp-other-principal", "a resource policy naming someone else grants nothing", PRIN, "ImplicitDeny",
     identity=[], resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, principal={"AWS": f"arn:aws:iam::{ACCT}:user/bob"})),
     missing=["identity"])
case("rbp-account-principal-delegates", "a resource policy naming only the account delegates to identity policies",
     PRIN, "ImplicitDeny", identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, principal={"AWS": ACCT})), missing=["identity"])
case("rbp-account-principal-with-identity", "account principal plus an identity Allow: allowed", PRIN, "Allow",
     identity=[allow()], resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, principal={"AWS": f"arn:aws:iam::{ACCT}:root"})),
     by="identity[0]/A")
case("rbp-wildcard-principal", "Principal `*` names everyone, the caller included", PRIN, "Allow", identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal="*")), by="resourcePolicy/R")
case("rbp-aws-wildcard-principal", "Principal {AWS: *} names everyone", PRIN, "Allow", identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"AWS": "*"})), by="resourcePolicy/R")
case("rbp-deny-account-principal", "a Deny naming the caller's account applies to the caller", PRIN, "ExplicitDeny",
     identity=[allow()], resource_policy=pol(stmt("Deny", "dynamodb:Query", TABLE, sid="RD", principal={"AWS": ACCT})),
     by="resourcePolicy/RD")
case("rbp-service-principal", "a Service principal matches that service", PRIN, "Allow",
     principal={"type": "Service", "arn": "dynamodb.amazonaws.com"}, identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", TABLE, sid="R", principal={"Service": "dynamodb.amazonaws.com"})),
     by="resourcePolicy/R")
case("rbp-notprincipal-deny-excludes-listed", "Deny with NotPrincipal listing the session, role and account does "
     "not apply to that session", NOTPRIN, "Allow", identity=[allow()],
     resource_policy=pol(stmt("Deny", "dynamodb:*", "*", principal={"AWS": [SESSION_P["arn"], ROLE_ARN, f"arn:aws:iam::{ACCT}:root"]}, not_principal=True)),
     by="identity[0]/A")
case("rbp-notprincipal-deny-needs-account", "Deny with NotPrincipal listing the user but not its account still "
     "applies to the user", NOTPRIN, "ExplicitDeny", principal=USER_P, identity=[allow()],
     resource_policy=pol(stmt("Deny", "dynamodb:*", "*", sid="ND", principal={"AWS": USER_P["arn"]}, not_principal=True)),
     by="resourcePolicy/ND")
case("rbp-notprincipal-deny-other", "Deny with NotPrincipal naming someone else applies to the caller", NOTPRIN,
     "ExplicitDeny", identity=[allow()],
     resource_policy=pol(stmt("Deny", "dynamodb:*", "*", sid="ND", principal={"AWS": f"arn:aws:iam::{ACCT}:user/bob"}, not_principal=True)),
     by="resourcePolicy/ND")

# --- actions --------------------------------------------------------------------------------------
case("action-case-insensitive", "action names match without regard to case", ACTION, "Allow",
     identity=[allow("DynamoDB:query")], by="identity[0]/A")
case("action-star-suffix", "`dynamodb:Get*` matches GetItem", ACTION, "Allow", action="dynamodb:GetItem",
     identity=[allow("dynamodb:Get*")], by="identity[0]/A")
case("action-star-no-match", "`dynamodb:Get*` does not match Query", ACTION, "ImplicitDeny",
     identity=[allow("dynamodb:Get*")], missing=["identity"])
case("action-question-mark", "`?` matches exactly one character", ACTION, "Allow", action="dynamodb:GetItem",
     identity=[allow("dynamodb:Get?tem")], by="identity[0]/A")
case("action-question-mark-too-short", "`?` does not match zero characters", ACTION, "ImplicitDeny",
     action="dynamodb:GetItem", identity=[allow("dynamodb:GetI?tem")], missing=["identity"])
case("action-star-all", "`*` matches every action", ACTION, "Allow", identity=[allow("*")], by="identity[0]/A")
case("action-other-service", "an action of another service does not match", ACTION, "ImplicitDeny",
     identity=[allow("s3:*")], missing=["identity"])
case("action-no-trimming", "a leading space is part of the action and does not match", ACTION, "ImplicitDeny",
     identity=[allow(" dynamodb:Query")], missing=["identity"])
case("action-list", "one of several listed actions matches", ACTION, "Allow",
     identity=[allow(["dynamodb:GetItem", "dynamodb:Query"])], by="identity[0]/A")
case("notaction-allow-everything-else", "Allow with NotAction allows actions not listed", NOTACTION, "Allow",
     identity=[allow("dynamodb:Scan", not_action=True)], by="identity[0]/A")
case("notaction-allow-listed-excluded", "Allow with NotAction does not allow the listed action", NOTACTION,
     "ImplicitDeny", identity=[allow("dynamodb:Query", not_action=True)], missing=["identity"])
case("notaction-deny-everything-else", "Deny with NotAction denies every action not listed", NOTACTION,
     "ExplicitDeny", action="dynamodb:Scan",
     identity=[pol(stmt("Allow", "*", "*", sid="All"), stmt("Deny", ["dynamodb:Query", "dynamodb:GetItem"], "*", sid="Only", not_action=True))],
     by="identity[0]/Only")
case("notaction-deny-listed-passes", "Deny with NotAction does not deny the listed actions", NOTACTION, "Allow",
     identity=[pol(stmt("Allow", "*", "*", sid="All"), stmt("Deny", "dynamodb:Query", "*", sid="Only", not_action=True))],
     by="identity[0]/All")
case("notaction-wildcard", "NotAction patterns use wildcards too", NOTACTION, "ImplicitDeny",
     identity=[allow("dynamodb:*", "*", not_action=True)], missing=["identity"])

# --- resources ------------------------------------------------------------------------------------
case("resource-exact", "the exact table ARN matches", RES, "Allow", identity=[allow()], by="identity[0]/A")
case("resource-case-sensitive", "resource ARNs are case-sensitive", RES, "ImplicitDeny",
     identity=[allow(resource=TABLE.replace("Orders", "orders"))], missing=["identity"])
case("resource-star-crosses-slash", "`*` in the resource part crosses `/`", RES, "Allow", resource=INDEX,
     identity=[allow(resource=TABLE + "*")], by="identity[0]/A")
case("resource-table-arn-not-index", "the table ARN does not match an index ARN", RES, "ImplicitDeny",
     resource=INDEX, identity=[allow()], missing=["identity"])
case("resource-region-wildcard", "a wildcard region matches any region", RES, "Allow",
     identity=[allow(resource=f"arn:aws:dynamodb:*:{ACCT}:table/Orders")], by="identity[0]/A")
case("resource-other-account", "another account's table does not match", RES, "ImplicitDeny",
     identity=[allow(resource="arn:aws:dynamodb:eu-west-1:999999999999:table/Orders")], missing=["identity"])
case("resource-question-mark", "`?` matches one character in an ARN", RES, "Allow",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/Order?")], by="identity[0]/A")
case("resource-star", "Resource `*` matches every resource", RES, "Allow", identity=[allow(resource="*")],
     by="identity[0]/A")
case("resource-prefix-no-star", "a prefix without a wildcard does not match", RES, "ImplicitDeny",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/Ord")], missing=["identity"])
case("notresource-allow-others", "Allow with NotResource allows other resources", NOTRES, "Allow",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/Payments", not_resource=True)],
     by="identity[0]/A")
case("notresource-allow-listed-excluded", "Allow with NotResource does not allow the listed resource", NOTRES,
     "ImplicitDeny", identity=[allow(resource=TABLE, not_resource=True)], missing=["identity"])
case("notresource-deny-others", "Deny with NotResource denies every other resource", NOTRES, "ExplicitDeny",
     resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/Payments",
     identity=[pol(stmt("Allow", "*", "*", sid="All"), stmt("Deny", "dynamodb:*", TABLE, sid="OnlyOrders", not_resource=True))],
     by="identity[0]/OnlyOrders")

# --- string operators -----------------------------------------------------------------------------
K = "aws:RequestedRegion"
cond_case("string-equals-match", "StringEquals matches an equal value", "StringEquals", K, "eu-west-1", "eu-west-1", True)
cond_case("string-equals-case", "StringEquals is case-sensitive", "StringEquals", K, "EU-WEST-1", "eu-west-1", False)
cond_case("string-equals-any-of", "several values are ORed", "StringEquals", K, ["us-east-1", "eu-west-1"], "eu-west-1", True)
cond_case("string-equals-missing", "StringEquals on a missing key is false", "StringEquals", K, "eu-west-1", None, False)
cond_case("string-not-equals-match", "StringNotEquals is true for a different value", "StringNotEquals", K, "us-east-1", "eu-west-1", True)
cond_case("string-not-equals-nor", "StringNotEquals values are NORed", "StringNotEquals", K, ["us-east-1", "eu-west-1"], "eu-west-1", False)
cond_case("string-not-equals-missing", "StringNotEquals on a missing key is true", "StringNotEquals", K, "us-east-1", None, True)
cond_case("string-equals-ignore-case", "StringEqualsIgnoreCase ignores case", "StringEqualsIgnoreCase", K, "EU-West-1", "eu-west-1", True)
cond_case("string-not-equals-ignore-case", "StringNotEqualsIgnoreCase is false for a value equal but for case", "StringNotEqualsIgnoreCase", K, "EU-WEST-1", "eu-west-1", False)
cond_case("string-like-star", "StringLike `*` matches a run of characters", "StringLike", K, "eu-*", "eu-west-1", True)
cond_case("string-like-question", "StringLike `?` matches one character", "StringLike", K, "eu-west-?", "eu-west-1", True)
cond_case("string-like-no-match", "StringLike does not match another prefix", "StringLike", K, "us-*", "eu-west-1", False)
cond_case("string-like-case", "StringLike is case-sensitive", "StringLike", K, "EU-*", "eu-west-1", False)
cond_case("string-not-like", "StringNotLike is true when no pattern matches", "StringNotLike", K, "us-*", "eu-west-1", True)
cond_case("string-not-like-false", "StringNotLike is false when a pattern matches", "StringNotLike", K, ["us-*", "eu-*"], "eu-west-1", False)
cond_case("string-equals-no-wildcard", "StringEquals treats `*` literally", "StringEquals", K, "eu-*", "eu-west-1", False)
cond_case("string-equals-ifexists-missing", "StringEqualsIfExists is true for a missing key", "StringEqualsIfExists", K, "eu-west-1", None, True)
cond_case("string-equals-ifexists-present", "StringEqualsIfExists compares a present key", "StringEqualsIfExists", K, "us-east-1", "eu-west-1", False)
cond_case("string-like-ifexists-missing", "StringLikeIfExists is true for a missing key", "StringLikeIfExists", K, "us-*", None, True)
cond_case("unknown-key-missing", "an unknown condition key behaves as a missing key", "StringEquals", "keyhole:NoSuchKey", "x", None, False)
case("condition-key-case-insensitive", "condition key names are case-insensitive", KEYS, "Allow",
     context={"AWS:requestedregion": "eu-west-1"}, identity=[allow(cond={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})],
     by="identity[0]/A")
case("condition-keys-anded", "several keys under one operator are ANDed", COND, "ImplicitDeny",
     context={K: "eu-west-1", "aws:SecureTransport": "false"},
     identity=[allow(cond={"StringEquals": {K: "eu-west-1", "aws:SecureTransport": "true"}})], missing=["identity"])
case("condition-operators-anded", "several operators in a block are ANDed", COND, "Allow",
     context={K: "eu-west-1", "aws:SecureTransport": "true"},
     identity=[allow(cond={"StringEquals": {K: "eu-west-1"}, "Bool": {"aws:SecureTransport": "true"}})], by="identity[0]/A")
case("condition-operators-anded-one-fails", "one failing operator makes the statement not match", COND, "ImplicitDeny",
     context={K: "eu-west-1", "aws:SecureTransport": "false"},
     identity=[allow(cond={"StringEquals": {K: "eu-west-1"}, "Bool": {"aws:SecureTransport": "true"}})], missing=["identity"])

# --- numeric --------------------------------------------------------------------------------------
N = "s3:max-keys"
for op, val, ctx, want in [
    ("NumericEquals", "10", "10", True), ("NumericEquals", "10", "10.0", True), ("NumericEquals", "10", "11", False),
    ("NumericNotEquals", "10", "11", True), ("NumericNotEquals", "10", "10", False),
    ("NumericLessThan", "10", "9", True), ("NumericLessThan", "10", "10", False),
    ("NumericLessThanEquals", "10", "10", True), ("NumericLessThanEquals", "10", "10.5", False),
    ("NumericGreaterThan", "10", "10.01", True), ("NumericGreaterThan", "10", "-3", False),
    ("NumericGreaterThanEquals", "10", "10", True), ("NumericGreaterThanEquals", "10", "9.99", False),
    ("NumericLessThan", "10", "abc", False), ("NumericLessThan", "10", None, False),
    ("NumericLessThanIfExists", "10", None, True), ("NumericNotEquals", "10", None, True),
]:
    slug = f"numeric-{op.lower()}-{('missing' if ctx is None else ctx).replace('.', '_').replace('-', 'neg')}"
    cond_case(slug, f"{op} {val} with context {ctx!r} is {'true' if want else 'false'}", op, N, val, ctx, want)

# --- date -----------------------------------------------------------------------------------------
T = "aws:CurrentTime"
for op, val, ctx, want in [
    ("DateLessThan", "2026-12-01T00:00:00Z", "2026-11-25T10:00:00Z", True),
    ("DateLessThan", "2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z", False),
    ("DateLessThanEquals", "2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z", True),
    ("DateGreaterThan", "2026-11-01", "2026-11-25T10:00:00Z", True),
    ("DateGreaterThan", "2026-12-01T00:00:00Z", "2026-11-25T10:00:00Z", False),
    ("DateGreaterThanEquals", "2026-11-25T11:00:00+01:00", "2026-11-25T10:00:00Z", True),
    ("DateEquals", "2026-11-25T10:00:00Z", "2026-11-25T11:00:00+01:00", True),
    ("DateNotEquals", "2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z", True),
    ("DateLessThan", "1796169600", "2026-11-25T10:00:00Z", True),
    ("DateLessThan", "2026-12-01T00:00:00Z", None, False),
    ("DateLessThanIfExists", "2026-12-01T00:00:00Z", None, True),
    ("DateLessThan", "2026-12-01T00:00:00Z", "not a date", False),
]:
    slug = f"date-{op.lower()}-{('missing' if ctx is None else ctx).replace(':', '').replace('+', 'p').replace(' ', '_')}-{val[:10].replace(':', '')}"
    cond_case(slug, f"{op} {val} with context {ctx!r} is {'true' if want else 'false'}", op, T, val, ctx, want)
case("date-epoch-time-key", "aws:EpochTime compares with a date in epoch seconds", COND, "Allow",
     context={"aws:EpochTime": 1795600000}, identity=[allow(cond={"DateLessThan": {"aws:EpochTime": "1796169600"}})],
     by="identity[0]/A")

# --- bool, binary, ip, arn, null ------------------------------------------------------------------
B = "aws:SecureTransport"
cond_case("bool-true", "Bool true matches true", "Bool", B, "true", "true", True)
cond_case("bool-false-vs-true", "Bool true does not match false", "Bool", B, "true", "false", False)
cond_case("bool-json-boolean", "a JSON boolean in the context matches", "Bool", B, "false", False, True)
cond_case("bool-missing", "Bool on a missing key is false", "Bool", B, "true", None, False)
cond_case("bool-ifexists-missing", "BoolIfExists on a missing key is true", "BoolIfExists", B, "true", None, True)
BK = "keyhole:Blob"
cond_case("binary-equals", "BinaryEquals compares base64-decoded bytes", "BinaryEquals", BK, "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=", True)
cond_case("binary-not-equal", "BinaryEquals with other bytes is false", "BinaryEquals", BK, "QmluYXJ5VmFsdWU=", "T3RoZXI=", False)
cond_case("binary-missing", "BinaryEquals on a missing key is false", "BinaryEquals", BK, "QmluYXJ5VmFsdWU=", None, False)
IP = "aws:SourceIp"
cond_case("ip-v4-in-cidr", "IpAddress matches an address inside the CIDR", "IpAddress", IP, "203.0.113.0/24", "203.0.113.77", True)
cond_case("ip-v4-outside-cidr", "IpAddress does not match outside the CIDR", "IpAddress", IP, "203.0.113.0/24", "203.0.114.1", False)
cond_case("ip-v4-single", "IpAddress with a single address", "IpAddress", IP, "198.51.100.7", "198.51.100.7", True)
cond_case("ip-v6-in-cidr", "IpAddress matches IPv6 inside the CIDR", "IpAddress", IP, "2001:db8::/32", "2001:db8:85a3::8a2e:370:7334", True)
cond_case("ip-v6-outside", "IpAddress does not match IPv6 outside the CIDR", "IpAddress", IP, "2001:db8::/32", "2001:db9::1", False)
cond_case("ip-v4-vs-v6", "an IPv4 address is not in an IPv6 block", "IpAddress", IP, "2001:db8::/32", "203.0.113.1", False)
cond_case("ip-list-ored", "several CIDRs are ORed", "IpAddress", IP, ["10.0.0.0/8", "203.0.113.0/24"], "203.0.113.9", True)
cond_case("not-ip-outside", "NotIpAddress is true outside every block", "NotIpAddress", IP, ["10.0.0.0/8"], "203.0.113.9", True)
cond_case("not-ip-inside", "NotIpAddress is false inside a block", "NotIpAddress", IP, ["10.0.0.0/8"], "10.1.2.3", False)
cond_case("not-ip-missing", "NotIpAddress on a missing key is true", "NotIpAddress", IP, ["10.0.0.0/8"], None, True)
cond_case("ip-missing", "IpAddress on a missing key is false", "IpAddress", IP, ["10.0.0.0/8"], None, False)
A = "aws:PrincipalArn"
cond_case("arn-equals", "ArnEquals matches the same ARN", "ArnEquals", "aws:SourceArn", ROLE_ARN, ROLE_ARN, True)
cond_case("arn-like-wildcard", "ArnLike matches with a wildcard in the resource part", "ArnLike", "aws:SourceArn", f"arn:aws:iam::{ACCT}:role/keyhole-*", ROLE_ARN, True)
cond_case("arn-like-account-component", "ArnLike compares the account component on its own", "ArnLike", "aws:SourceArn", "arn:aws:iam::999999999999:role/*", ROLE_ARN, False)
cond_case("arn-equals-wildcards-too", "ArnEquals accepts wildcards as ArnLike does", "ArnEquals", "aws:SourceArn", "arn:aws:iam::*:role/keyhole-exec", ROLE_ARN, True)
cond_case("arn-not-like", "ArnNotLike is true when no pattern matches", "ArnNotLike", "aws:SourceArn", "arn:aws:iam::*:role/admin*", ROLE_ARN, True)
cond_case("arn-not-equals-false", "ArnNotEquals is false for the same ARN", "ArnNotEquals", "aws:SourceArn", ROLE_ARN, ROLE_ARN, False)
cond_case("arn-like-not-an-arn", "ArnLike does not match a value that is not an ARN", "ArnLike", "aws:SourceArn", "arn:aws:iam::*:role/*", "keyhole-exec", False)
cond_case("null-true-missing", "Null true holds when the key is absent", "Null", "aws:TokenIssueTime", "true", None, True)
cond_case("null-true-present", "Null true fails when the key is present", "Null", "aws:TokenIssueTime", "true", "2026-11-25T10:00:00Z", False)
cond_case("null-false-present", "Null false holds when the key is present", "Null", "aws:TokenIssueTime", "false", "2026-11-25T10:00:00Z", True)
cond_case("null-false-missing", "Null false fails when the key is absent", "Null", "aws:TokenIssueTime", "false", None, False)

# --- set operators --------------------------------------------------------------------------------
LK = "dynamodb:LeadingKeys"
AT = "dynamodb:Attributes"
cond_case("forall-subset", "ForAllValues holds when every value is allowed", "ForAllValues:StringEquals", AT, ["a", "b", "c"], ["a", "b"], True, MULTI)
cond_case("forall-extra", "ForAllValues fails when one value is not allowed", "ForAllValues:StringEquals", AT, ["a", "b"], ["a", "z"], False, MULTI)
cond_case("forall-missing", "ForAllValues is true for a missing key", "ForAllValues:StringEquals", AT, ["a"], None, True, MULTI)
cond_case("forall-empty", "ForAllValues is true for an empty set", "ForAllValues:StringEquals", AT, ["a"], [], True, MULTI)
cond_case("foranyvalue-one", "ForAnyValue holds when one value matches", "ForAnyValue:StringEquals", AT, ["a"], ["z", "a"], True, MULTI)
cond_case("foranyvalue-none", "ForAnyValue fails when no value matches", "ForAnyValue:StringEquals", AT, ["a"], ["y", "z"], False, MULTI)
cond_case("foranyvalue-missing", "ForAnyValue is false for a missing key", "ForAnyValue:StringEquals", AT, ["a"], None, False, MULTI)
cond_case("foranyvalue-empty", "ForAnyValue is false for an empty set", "ForAnyValue:StringEquals", AT, ["a"], [], False, MULTI)
cond_case("forall-like", "ForAllValues with StringLike", "ForAllValues:StringLike", AT, ["user*"], ["userId", "userName"], True, MULTI)
cond_case("forall-not-equals", "ForAllValues:StringNotEquals holds when no value is listed", "ForAllValues:StringNotEquals", AT, ["secret"], ["a", "b"], True, MULTI)
cond_case("forall-not-equals-fails", "ForAllValues:StringNotEquals fails when one value is listed", "ForAllValues:StringNotEquals", AT, ["secret"], ["a", "secret"], False, MULTI)
cond_case("foranyvalue-not-equals", "ForAnyValue:StringNotEquals holds when one value is not listed", "ForAnyValue:StringNotEquals", AT, ["a"], ["a", "b"], True, MULTI)
cond_case("foranyvalue-not-equals-fails", "ForAnyValue:StringNotEquals fails when every value is listed", "ForAnyValue:StringNotEquals", AT, ["a", "b"], ["a", "b"], False, MULTI)
cond_case("foranyvalue-not-equals-missing", "ForAnyValue:StringNotEquals is false for a missing key", "ForAnyValue:StringNotEquals", AT, ["a"], None, False, MULTI)
cond_case("forall-not-equals-missing", "ForAllValues:StringNotEquals is true for a missing key", "ForAllValues:StringNotEquals", AT, ["a"], None, True, MULTI)
cond_case("foranyvalue-ifexists-missing", "ForAnyValue with IfExists is true for a missing key", "ForAnyValue:StringEqualsIfExists", AT, ["a"], None, True, MULTI)
cond_case("unqualified-multivalued-any", "without a set operator, a multivalued key matches when any value does", "StringEquals", AT, ["a"], ["a", "b"], True, MULTI)
cond_case("unqualified-negated-multivalued", "without a set operator, a negated operator fails when any value is listed", "StringNotEquals", AT, ["a"], ["a", "b"], False, MULTI)

# --- policy variables -----------------------------------------------------------------------------
case("var-username-in-resource", "${aws:username} is replaced by the user's name in Resource", VARS, "Allow",
     principal=USER_P, resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/alice-notes",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes")], by="identity[0]/A")
case("var-username-other-user", "${aws:username} does not match another user's table", VARS, "ImplicitDeny",
     principal=USER_P, resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/bob-notes",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes")], missing=["identity"])
case("var-username-missing-for-role", "a role session has no aws:username, so the resource does not match", VARS,
     "ImplicitDeny", resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/kh-1-notes",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes")], missing=["identity"])
case("var-old-version-literal", "under Version 2008-10-17 a variable is literal text", VARS, "ImplicitDeny",
     principal=USER_P, resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/alice-notes",
     identity=[pol(stmt("Allow", "dynamodb:Query", f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes", sid="A"), version="2008-10-17")],
     missing=["identity"])
case("var-no-version-literal", "without Version a variable is literal text", VARS, "Allow",
     principal=USER_P, resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes",
     identity=[pol(stmt("Allow", "dynamodb:Query", f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:username}}-notes", sid="A"), version=None)],
     by="identity[0]/A")
case("var-principal-tag-condition", "${aws:PrincipalTag/team} in a condition value", VARS, "Allow",
     context={"dynamodb:LeadingKeys": ["payments"]},
     identity=[allow(cond={"ForAllValues:StringEquals": {LK: ["${aws:PrincipalTag/team}"]}})], by="identity[0]/A")
case("var-principal-tag-other", "${aws:PrincipalTag/team} does not match another team's partition", VARS,
     "ImplicitDeny", context={"dynamodb:LeadingKeys": ["orders"]},
     identity=[allow(cond={"ForAllValues:StringEquals": {LK: ["${aws:PrincipalTag/team}"]}})], missing=["identity"])
case("var-default-used", "a default value stands in for a missing key", VARS, "Allow",
     context={"dynamodb:LeadingKeys": ["none"]},
     identity=[allow(cond={"ForAllValues:StringEquals": {LK: ["${aws:PrincipalTag/cost-center, 'none'}"]}})], by="identity[0]/A")
case("var-userid", "${aws:userid} resolves to the caller's unique id", VARS, "Allow",
     context={"dynamodb:LeadingKeys": ["AROAEXAMPLE:kh-1"]},
     identity=[allow(cond={"ForAllValues:StringEquals": {LK: ["${aws:userid}"]}})], by="identity[0]/A")
case("var-escape-star", "${*} is a literal asterisk, not a wildcard", VARS, "ImplicitDeny", context={K: "eu-anything"},
     identity=[allow(cond={"StringLike": {K: "eu-${*}"}})], missing=["identity"])
case("var-escape-star-literal-match", "${*} matches a literal asterisk", VARS, "Allow", context={K: "eu-*"},
     identity=[allow(cond={"StringLike": {K: "eu-${*}"}})], by="identity[0]/A")
case("var-account-in-resource", "${aws:PrincipalAccount} in the resource part", VARS, "Allow",
     resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/{ACCT}-audit",
     identity=[allow(resource=f"arn:aws:dynamodb:eu-west-1:{ACCT}:table/${{aws:PrincipalAccount}}-audit")], by="identity[0]/A")
case("var-in-stringlike-pattern", "a variable inside a StringLike pattern keeps the pattern's wildcards", VARS, "Allow",
     principal=USER_P, context={"s3:prefix": "alice/reports/2026"},
     identity=[allow(cond={"StringLike": {"s3:prefix": "${aws:username}/*"}})], by="identity[0]/A")

# --- DynamoDB fine-grained access ----------------------------------------------------------------
GAME = f"arn:aws:dynamodb:us-west-2:{ACCT}:table/GameScores"
WIF = {"type": "AssumedRole", "arn": f"arn:aws:sts::{ACCT}:assumed-role/GameRole/web-session", "id": "AROAGAME:web-session",
       "account": ACCT, "tags": {}}
fgac = pol(stmt("Allow", ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem",
                          "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"], GAME,
                {"ForAllValues:StringEquals": {LK: ["${www.amazon.com:user_id}"]}}, sid="FullAccessToUserItems"))
case("ddb-leadingkeys-own-items", "LeadingKeys limits a user to items whose partition key is their id", DDB, "Allow",
     principal=WIF, resource=GAME, context={"www.amazon.com:user_id": "amzn1.user.1", LK: ["amzn1.user.1"]},
     identity=[fgac], by="identity[0]/FullAccessToUserItems")
case("ddb-leadingkeys-other-items", "LeadingKeys denies another user's partition", DDB, "ImplicitDeny",
     principal=WIF, resource=GAME, context={"www.amazon.com:user_id": "amzn1.user.1", LK: ["amzn1.user.2"]},
     identity=[fgac], missing=["identity"])
case("ddb-leadingkeys-batch-mixed", "a batch touching another user's partition is denied", DDB, "ImplicitDeny",
     principal=WIF, resource=GAME, action="dynamodb:BatchGetItem",
     context={"www.amazon.com:user_id": "amzn1.user.1", LK: ["amzn1.user.1", "amzn1.user.2"]}, identity=[fgac], missing=["identity"])
case("ddb-scan-not-in-actions", "Scan is not among the allowed actions, so it is denied", DDB, "ImplicitDeny",
     principal=WIF, resource=GAME, action="dynamodb:Scan", context={"www.amazon.com:user_id": "amzn1.user.1"},
     identity=[fgac], missing=["identity"])
trap = pol(stmt("Allow", ["dynamodb:Query", "dynamodb:Scan"], GAME, {"ForAllValues:StringEquals": {LK: ["amzn1.user.1"]}}, sid="Trap"))
case("ddb-trap-scan-slips-through-forallvalues", "the known trap: Scan has no LeadingKeys, so ForAllValues is "
     "true and a Scan is allowed", DDB, "Allow", principal=WIF, resource=GAME, action="dynamodb:Scan", identity=[trap],
     by="identity[0]/Trap")
guarded = pol(stmt("Allow", ["dynamodb:Query", "dynamodb:Scan"], GAME,
                   {"ForAllValues:StringEquals": {LK: ["amzn1.user.1"]}, "Null": {LK: "false"}}, sid="Guarded"))
case("ddb-null-guard-stops-scan", "a Null guard on LeadingKeys stops the Scan", DDB, "ImplicitDeny", principal=WIF,
     resource=GAME, action="dynamodb:Scan", identity=[guarded], missing=["identity"])
case("ddb-null-guard-allows-query", "with the Null guard the pinned Query is still allowed", DDB, "Allow",
     principal=WIF, resource=GAME, context={LK: ["amzn1.user.1"]}, identity=[guarded], by="identity[0]/Guarded")
case("ddb-foranyvalue-leadingkeys-scan", "ForAnyValue on LeadingKeys is false for a Scan", DDB, "ImplicitDeny",
     principal=WIF, resource=GAME, action="dynamodb:Scan",
     identity=[pol(stmt("Allow", "dynamodb:Scan", GAME, {"ForAnyValue:StringEquals": {LK: ["amzn1.user.1"]}}))],
     missing=["identity"])
attrs = pol(stmt("Allow", ["dynamodb:GetItem", "dynamodb:Query"], GAME,
                 {"ForAllValues:StringEquals": {AT: ["UserId", "TopScore"]},
                  "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}}, sid="LimitAccessToSpecificAttributes"))
case("ddb-attributes-allowed", "only the listed attributes are requested: allowed", DDB, "Allow", principal=WIF,
     resource=GAME, context={AT: ["UserId", "TopScore"], "dynamodb:Select": "SPECIFIC_ATTRIBUTES"}, identity=[attrs],
     by="identity[0]/LimitAccessToSpecificAttributes")
case("ddb-attributes-extra", "an attribute outside the list is denied", DDB, "ImplicitDeny", principal=WIF,
     resource=GAME, context={AT: ["UserId", "Losses"], "dynamodb:Select": "SPECIFIC_ATTRIBUTES"}, identity=[attrs],
     missing=["identity"])
case("ddb-select-all-denied", "Select ALL_ATTRIBUTES is denied by the Select condition", DDB, "ImplicitDeny",
     principal=WIF, resource=GAME, context={AT: ["UserId"], "dynamodb:Select": "ALL_ATTRIBUTES"}, identity=[attrs],
     missing=["identity"])
case("ddb-select-absent-ifexists", "without Select the IfExists condition holds", DDB, "Allow", principal=WIF,
     resource=GAME, action="dynamodb:GetItem", context={AT: ["UserId"]}, identity=[attrs],
     by="identity[0]/LimitAccessToSpecificAttributes")
rv = pol(stmt("Allow", "dynamodb:UpdateItem", GAME, {"ForAllValues:StringEquals": {AT: ["UserId", "TopScore"]},
         "StringEqualsIfExists": {"dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"]}}, sid="RV"))
case("ddb-returnvalues-updated-new", "ReturnValues UPDATED_NEW is allowed", DDB, "Allow", principal=WIF, resource=GAME,
     action="dynamodb:UpdateItem", context={AT: ["UserId", "TopScore"], "dynamodb:ReturnValues": "UPDATED_NEW"},
     identity=[rv], by="identity[0]/RV")
case("ddb-returnvalues-all-new", "ReturnValues ALL_NEW is denied", DDB, "ImplicitDeny", principal=WIF, resource=GAME,
     action="dynamodb:UpdateItem", context={AT: ["UserId", "TopScore"], "dynamodb:ReturnValues": "ALL_NEW"},
     identity=[rv], missing=["identity"])
case("ddb-index-arn", "a query on an index needs the index ARN", DDB, "ImplicitDeny", resource=INDEX,
     identity=[allow(resource=TABLE)], missing=["identity"])
case("ddb-index-arn-allowed", "the index ARN allows a query on the index", DDB, "Allow", resource=INDEX,
     identity=[allow(resource=INDEX)], by="identity[0]/A")
case("ddb-enclosing-operation", "dynamodb:EnclosingOperation limits an item action to transactions", KEYS, "ImplicitDeny",
     action="dynamodb:PutItem", context={"dynamodb:EnclosingOperation": "TransactWriteItems"},
     identity=[allow("dynamodb:PutItem", cond={"StringEquals": {"dynamodb:EnclosingOperation": "TransactGetItems"}})],
     missing=["identity"])
case("ddb-region-pin", "aws:RequestedRegion pins the region", KEYS, "ImplicitDeny", context={K: "us-east-1"},
     identity=[allow(resource=f"arn:aws:dynamodb:*:{ACCT}:table/Orders", cond={"StringEquals": {K: "eu-west-1"}})],
     missing=["identity"])
case("principal-tag-condition", "aws:PrincipalTag comes from the principal's tags", KEYS, "Allow",
     identity=[allow(cond={"StringEquals": {"aws:PrincipalTag/team": "payments"}})], by="identity[0]/A")
case("principal-arn-is-role-arn", "for a role session aws:PrincipalArn is the role's ARN", KEYS, "Allow",
     identity=[allow(cond={"ArnEquals": {"aws:PrincipalArn": ROLE_ARN}})], by="identity[0]/A")
case("principal-type-assumed-role", "aws:PrincipalType is AssumedRole for a role session", KEYS, "Allow",
     identity=[allow(cond={"StringEquals": {"aws:PrincipalType": "AssumedRole"}})], by="identity[0]/A")
case("username-absent-for-role", "aws:username is absent for a role session", VARS, "Allow",
     identity=[allow(cond={"Null": {"aws:username": "true"}})], by="identity[0]/A")


# --- more traps ---------------------------------------------------------------------------------------
case("cross-account-needs-both", "across accounts the identity policy and the resource policy must both allow", EVAL,
     "ImplicitDeny", resource="arn:aws:dynamodb:eu-west-1:999999999999:table/Shared", identity=[],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", "*", sid="R", principal={"AWS": ROLE_ARN})),
     missing=["identity"])
case("cross-account-both-allow", "across accounts, identity and resource policy both allowing: allowed", EVAL, "Allow",
     resource="arn:aws:dynamodb:eu-west-1:999999999999:table/Shared",
     identity=[allow(resource="arn:aws:dynamodb:eu-west-1:999999999999:table/Shared")],
     resource_policy=pol(stmt("Allow", "dynamodb:Query", "*", sid="R", principal={"AWS": ACCT})), by="identity[0]/A")
cond_case("string-not-equals-ifexists-missing", "StringNotEqualsIfExists is true for a missing key", "StringNotEqualsIfExists", K, "us-east-1", None, True)
cond_case("string-not-equals-ifexists-present", "StringNotEqualsIfExists compares a present key", "StringNotEqualsIfExists", K, "eu-west-1", "eu-west-1", False)
cond_case("forall-like-ifexists-present", "ForAllValues:StringLikeIfExists still checks present values", "ForAllValues:StringLikeIfExists", AT, ["a*"], ["ab", "zz"], False, MULTI)
case("deny-with-condition-not-met", "a Deny whose condition does not hold does not deny", COND, "Allow",
     context={IP: "10.1.2.3"}, identity=[allow(), pol(stmt("Deny", "*", "*", {"NotIpAddress": {IP: "10.0.0.0/8"}}, sid="Net"))],
     by="identity[0]/A")
case("deny-with-condition-met", "a Deny whose condition holds denies", COND, "ExplicitDeny",
     context={IP: "203.0.113.9"}, identity=[allow(), pol(stmt("Deny", "*", "*", {"NotIpAddress": {IP: "10.0.0.0/8"}}, sid="Net"))],
     by="identity[1]/Net")
case("deny-negated-missing-key-applies", "a Deny with a negated operator applies when the key is missing", COND,
     "ExplicitDeny", identity=[allow(), pol(stmt("Deny", "*", "*", {"StringNotEquals": {K: "eu-west-1"}}, sid="Region"))],
     by="identity[1]/Region")

def dump(v, indent=0):
    """Minimal YAML writer: JSON flow style for values keeps quoting exact."""
    return json.dumps(v)

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    if f.startswith("lead-"):
        os.remove(os.path.join(OUT, f))
seen = set()
for i, (slug, c) in enumerate(cases, 1):
    assert slug not in seen, slug
    seen.add(slug)
    lines = [f"note: {json.dumps(c['note'])}", f"doc: {c['doc']}"]
    for k in ["request", "identityPolicies", "permissionsBoundary", "sessionPolicy", "resourcePolicy", "want"]:
        if k in c:
            lines.append(f"{k}: {json.dumps(c[k])}")
    with open(os.path.join(OUT, f"lead-{i:03d}-{slug}.yaml"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
print(len(cases), "cases")
