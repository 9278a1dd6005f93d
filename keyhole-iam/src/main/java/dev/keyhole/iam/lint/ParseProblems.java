package dev.keyhole.iam.lint;

import dev.keyhole.iam.parse.PolicyProblem;

/** Gives each problem the parser reports the id of the grammar check it belongs to. */
final class ParseProblems {

    private ParseProblems() {}

    static Finding toFinding(PolicyProblem p) {
        return Finding.of(classify(p), p.pointer(), p.message());
    }

    static Check classify(PolicyProblem p) {
        String m = p.message();
        if (m.startsWith("not valid JSON") || m.startsWith("the policy document is empty")) {
            return Check.INVALID_JSON;
        }
        if (m.startsWith("unknown policy language version")) {
            return Check.INVALID_VERSION;
        }
        if (p.pointer().endsWith("/Effect") || m.startsWith("missing `Effect`")) {
            return Check.INVALID_EFFECT;
        }
        if (m.startsWith("action `")) {
            return Check.INVALID_ACTION;
        }
        if (m.startsWith("resource `")) {
            return Check.INVALID_RESOURCE;
        }
        if (m.startsWith("duplicate `Sid`")) {
            return Check.DUPLICATE_SID;
        }
        if (m.startsWith("unknown condition operator")) {
            return Check.UNKNOWN_OPERATOR;
        }
        if (m.startsWith("unknown ") && m.contains(" element `")) {
            return Check.UNKNOWN_ELEMENT;
        }
        return Check.INVALID_POLICY;
    }
}
