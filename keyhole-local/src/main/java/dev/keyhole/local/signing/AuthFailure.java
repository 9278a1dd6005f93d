package dev.keyhole.local.signing;

/**
 * A request that could not be authenticated, with the error code and message AWS returns for it
 * (the code differs between DynamoDB's JSON protocol and STS's query protocol).
 */
public final class AuthFailure extends RuntimeException {

    /** Why authentication failed. */
    public enum Reason { MISSING, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED_TOKEN, SKEWED }

    private final Reason reason;

    public AuthFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The error code as DynamoDB names it. */
    public String dynamoDbCode() {
        return switch (reason) {
            case MISSING -> "MissingAuthenticationTokenException";
            case UNKNOWN_KEY -> "UnrecognizedClientException";
            case BAD_SIGNATURE, SKEWED -> "InvalidSignatureException";
            case EXPIRED_TOKEN -> "ExpiredTokenException";
        };
    }

    /** The error code as STS names it. */
    public String stsCode() {
        return switch (reason) {
            case MISSING -> "MissingAuthenticationToken";
            case UNKNOWN_KEY -> "InvalidClientTokenId";
            case BAD_SIGNATURE, SKEWED -> "SignatureDoesNotMatch";
            case EXPIRED_TOKEN -> "ExpiredToken";
        };
    }
}
