package dev.keyhole.dynamo;

/**
 * A request DynamoDB would refuse, carrying the message DynamoDB itself sends back.
 *
 * <p>The value model and every expression stage throw only this type. The local engine turns it into
 * {@code {"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":...}}; a few codec
 * failures are DynamoDB {@code SerializationException}s instead, which {@link #errorType()} tells apart.
 */
public final class DynamoValidationException extends RuntimeException {

    /** The DynamoDB error type of ordinary validation failures. */
    public static final String VALIDATION = "ValidationException";
    /** The DynamoDB error type of malformed JSON shapes (a number where a string belongs, ...). */
    public static final String SERIALIZATION = "SerializationException";

    private final String errorType;

    private DynamoValidationException(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    /** A {@code ValidationException} with DynamoDB's {@code message}. */
    public static DynamoValidationException validation(String message) {
        return new DynamoValidationException(VALIDATION, message);
    }

    /** A {@code SerializationException} with DynamoDB's {@code message}. */
    public static DynamoValidationException serialization(String message) {
        return new DynamoValidationException(SERIALIZATION, message);
    }

    /** {@link #VALIDATION} or {@link #SERIALIZATION}. */
    public String errorType() {
        return errorType;
    }

    /** The {@code __type} DynamoDB's JSON 1.0 protocol puts in the error body. */
    public String wireType() {
        return errorType.equals(VALIDATION)
                ? "com.amazonaws.dynamodb.v20120810#ValidationException"
                : "com.amazon.coral.service#SerializationException";
    }
}
