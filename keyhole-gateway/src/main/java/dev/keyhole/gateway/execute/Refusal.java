package dev.keyhole.gateway.execute;

/**
 * keyhole refused to run something, before any credential was minted; the message says why and how
 * to get it to run. Distinct from a failure (something broke) and from AWS denying a call.
 */
public final class Refusal extends RuntimeException {

    /** Why a run was refused. */
    public enum Kind {
        NOT_ALLOWED, TICKET_MISSING, TICKET_INVALID, TICKET_REJECTED, TICKET_UNVERIFIED, APPROVAL_REQUIRED,
        GRANT_EXPIRED, BAD_PARAMETERS, UNKNOWN_QUERY, CURSOR_REJECTED, PREFLIGHT_DENIED, AUDIT_UNAVAILABLE,
        /** STS refused the execution's credentials; nothing ran. */
        CREDENTIALS_REFUSED,
        /** STS did not answer in time; nothing ran. */
        CREDENTIALS_UNAVAILABLE;

        /** The lowercase word used in audit records, e.g. {@code ticket-missing}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A refusal because of {@code cause} (STS said no, or could not be asked). */
    public Refusal(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The kind of refusal, for audit records and exit codes. */
    public Kind kind() {
        return kind;
    }
}
