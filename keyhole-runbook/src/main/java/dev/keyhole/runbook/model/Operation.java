package dev.keyhole.runbook.model;

/** The DynamoDB operations a runbook query may use. Scan only where a runbook declares it. */
public enum Operation {
    QUERY("Query"),
    GET_ITEM("GetItem"),
    SCAN("Scan");

    private final String api;

    Operation(String api) {
        this.api = api;
    }

    /** The DynamoDB API name, which is also the IAM action's name. */
    public String api() {
        return api;
    }

    /** The operation named {@code name} in a runbook file, or {@code null}. */
    public static Operation fromYaml(String name) {
        for (Operation o : values()) {
            if (o.api.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
