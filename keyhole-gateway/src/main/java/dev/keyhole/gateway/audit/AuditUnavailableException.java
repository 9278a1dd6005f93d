package dev.keyhole.gateway.audit;

/** The audit log could not durably write a record; whatever waited for it must not go ahead. */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
