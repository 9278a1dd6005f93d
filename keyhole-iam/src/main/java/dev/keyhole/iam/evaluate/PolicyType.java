package dev.keyhole.iam.evaluate;

/** The role a policy plays in a decision. */
public enum PolicyType {
    IDENTITY("identity"),
    PERMISSIONS_BOUNDARY("permissionsBoundary"),
    SESSION("sessionPolicy"),
    RESOURCE("resourcePolicy");

    private final String label;

    PolicyType(String label) {
        this.label = label;
    }

    /** The name used in traces, case files and messages. */
    public String label() {
        return label;
    }

    /** Reads a label back. */
    public static PolicyType fromLabel(String label) {
        for (PolicyType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown policy type `" + label + "`");
    }
}
