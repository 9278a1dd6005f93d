package dev.keyhole.iam.evaluate;

/** The three possible answers of IAM policy evaluation. */
public enum Outcome {
    /** Some policy allowed the request and nothing denied it. */
    ALLOW("Allow"),
    /** Nothing denied the request explicitly, but a required policy type had no matching allow. */
    IMPLICIT_DENY("ImplicitDeny"),
    /** A matching {@code Deny} statement in some policy. */
    EXPLICIT_DENY("ExplicitDeny");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The name used in JSON output. */
    public String label() {
        return label;
    }

    /** Whether the request may proceed. */
    public boolean allowed() {
        return this == ALLOW;
    }

    /** Reads a label back. */
    public static Outcome fromLabel(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown decision `" + label + "`; use Allow, ImplicitDeny or ExplicitDeny");
    }
}
