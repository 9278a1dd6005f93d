package dev.keyhole.drift.classify;

/** What a finding says happened; each has a fixed severity and a stable id (SARIF rule id). */
public enum Kind {
    /** A keyhole session whose calls match its audit record. */
    EXPECTED("expected", Severity.INFO, "keyhole session doing what its audit record says"),
    /** A keyhole role session whose name is no correlation id in the audit log. */
    KEYHOLE_UNAUDITED("keyhole-session-unaudited", Severity.CRITICAL,
            "keyhole role session with no audit record: credentials used outside keyhole"),
    /** A keyhole session doing what its record does not cover. */
    KEYHOLE_OUTSIDE_RECORD("keyhole-session-outside-record", Severity.CRITICAL,
            "keyhole session doing something its audit record does not cover"),
    /** A keyhole session used before its run started or after its credentials' lifetime. */
    KEYHOLE_AFTER_EXPIRY("keyhole-session-after-expiry", Severity.CRITICAL,
            "keyhole session used outside its lifetime"),
    /** Another principal doing what a runbook query family covers. */
    STANDING_RUNBOOK_WORK("standing-access-runbook-work", Severity.LOW,
            "standing access doing runbook work: could go through keyhole"),
    /** Another principal doing what no runbook covers. */
    OUT_OF_PATTERN("out-of-pattern", Severity.HIGH, "DynamoDB call no runbook explains"),
    /** A Scan that is not an expected keyhole run. */
    SCAN("scan", Severity.MEDIUM, "table or index scan"),
    /** A call in a region no runbook targets. */
    OTHER_REGION("other-region", Severity.HIGH, "DynamoDB call in a region no runbook targets"),
    /** Many AccessDenied errors for one principal in a short time. */
    ACCESS_DENIED_BURST("access-denied-burst", Severity.HIGH, "burst of AccessDenied: probing or broken automation");

    private final String id;
    private final Severity severity;
    private final String title;

    Kind(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /** The stable id used in output. */
    public String id() {
        return id;
    }

    /** How much it matters. */
    public Severity severity() {
        return severity;
    }

    /** One line for people. */
    public String title() {
        return title;
    }
}
