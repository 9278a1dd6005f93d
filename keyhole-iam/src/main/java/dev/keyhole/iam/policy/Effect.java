package dev.keyhole.iam.policy;

/** The {@code Effect} of a statement. IAM spells both values with exactly this case. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The value as IAM writes it. */
    public String json() {
        return json;
    }

    /** The effect spelled exactly {@code text}, or {@code null}. */
    public static Effect fromJson(String text) {
        for (Effect e : values()) {
            if (e.json.equals(text)) {
                return e;
            }
        }
        return null;
    }
}
