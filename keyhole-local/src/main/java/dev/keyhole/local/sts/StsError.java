package dev.keyhole.local.sts;

/** An STS error: code, message and HTTP status, rendered as STS's XML {@code ErrorResponse}. */
public final class StsError extends RuntimeException {

    private final String code;
    private final int status;

    public StsError(String code, String message, int status) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** A {@code ValidationError} (400). */
    static StsError validation(String message) {
        return new StsError("ValidationError", message, 400);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
