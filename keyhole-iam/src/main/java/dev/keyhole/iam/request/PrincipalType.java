package dev.keyhole.iam.request;

/**
 * The kind of principal making a request; decides which principal-derived context keys exist.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
public enum PrincipalType {
    USER("User"),
    ASSUMED_ROLE("AssumedRole"),
    ROLE("Role"),
    FEDERATED_USER("FederatedUser"),
    ROOT("Account"),
    SERVICE("Service"),
    ANONYMOUS("Anonymous");

    private final String contextValue;

    PrincipalType(String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value of {@code aws:PrincipalType} for this kind of principal. */
    public String contextValue() {
        return contextValue;
    }

    /** Reads the names used in keyhole's files: {@code User}, {@code AssumedRole}, {@code Root}, ... */
    public static PrincipalType parse(String name) {
        for (PrincipalType t : values()) {
            String camel = switch (t) {
                case ROOT -> "Root";
                default -> t.contextValue;
            };
            if (camel.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)
                    || t.contextValue.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown principal type `" + name
                + "`; use User, AssumedRole, Role, FederatedUser, Root, Service or Anonymous");
    }
}
