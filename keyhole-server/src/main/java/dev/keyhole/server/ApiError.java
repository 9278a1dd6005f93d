package dev.keyhole.server;

import dev.keyhole.gateway.identity.Redaction;

/** An error to answer with: an HTTP status, a stable code and a message for people. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;

    /** @param message said to the caller as it is, but for any secret quoted in it, which is redacted */
    public ApiError(int status, String code, String message) {
        super(Redaction.redact(message));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not-found", message);
    }
}
