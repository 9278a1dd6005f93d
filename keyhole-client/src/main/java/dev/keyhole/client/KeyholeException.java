package dev.keyhole.client;

/**
 * keyhole refused or failed a call, or could not be reached. {@link #code()} is keyhole's stable error code
 * ({@code refused}, {@code unauthenticated}, {@code not-found}, ...), {@link #kind()} the refusal's kind when
 * it was one ({@code not-allowed}, {@code ticket-missing}, ...). Quote {@link #correlationId()} when asking why.
 */
public final class KeyholeException extends RuntimeException {

    private final int status;
    private final String code;
    private final String kind;
    private final String correlationId;

    /**
     * @param status the HTTP status, or 0 when keyhole could not be reached
     * @param code keyhole's error code ({@code unreachable} when it could not be reached)
     * @param kind the refusal kind, or {@code null}
     * @param correlationId the correlation id of the failed call
     */
    public KeyholeException(int status, String code, String kind, String message, String correlationId, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.kind = kind;
        this.correlationId = correlationId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String kind() {
        return kind;
    }

    public String correlationId() {
        return correlationId;
    }

    @Override
    public String getMessage() {
        return code + (kind == null ? "" : " (" + kind + ")") + ": " + super.getMessage()
                + (correlationId == null ? "" : " [correlation id " + correlationId + "]");
    }

    /** keyhole's own message, without code and correlation id. */
    public String reason() {
        return super.getMessage();
    }
}
