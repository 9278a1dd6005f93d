package dev.keyhole.runbook.model;

/** The types a runbook parameter can have. */
public enum ParameterType {
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    DATETIME("datetime");

    private final String yaml;

    ParameterType(String yaml) {
        this.yaml = yaml;
    }

    /** The name used in runbook files. */
    public String yaml() {
        return yaml;
    }

    /** The type named {@code name} in a runbook file, or {@code null}. */
    public static ParameterType fromYaml(String name) {
        for (ParameterType t : values()) {
            if (t.yaml.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
