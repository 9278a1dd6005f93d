package dev.keyhole.local.dynamodb;

/**
 * A DynamoDB error as the wire protocol carries it: {@code {"__type": type, "message": message}} with
 * an HTTP status.
 */
public final class DynamoDbException extends RuntimeException {

    /** The prefix of DynamoDB's own error types. */
    public static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    /** The prefix of errors from the request-handling layer (auth, throttling). */
    public static final String CORAL = "com.amazon.coral.service#";

    private final String type;
    private final int status;
    private final com.fasterxml.jackson.databind.node.ObjectNode details;

    public DynamoDbException(String type, String message, int status) {
        this(type, message, status, null);
    }

    /**
     * An error whose body carries more than type and message, e.g. {@code CancellationReasons} of a
     * {@code TransactionCanceledException}.
     */
    public DynamoDbException(String type, String message, int status,
                             com.fasterxml.jackson.databind.node.ObjectNode details) {
        super(message);
        this.type = type;
        this.status = status;
        this.details = details;
    }

    /** A {@code ValidationException} (400). */
    public static DynamoDbException validation(String message) {
        return new DynamoDbException(DYNAMODB + "ValidationException", message, 400);
    }

    /** A {@code ResourceNotFoundException} (400). */
    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException(DYNAMODB + "ResourceNotFoundException", message, 400);
    }

    /** The full {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#ValidationException}. */
    public String type() {
        return type;
    }

    /** Extra fields of the error body beside {@code __type} and {@code message}, or null. */
    public com.fasterxml.jackson.databind.node.ObjectNode details() {
        return details;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
