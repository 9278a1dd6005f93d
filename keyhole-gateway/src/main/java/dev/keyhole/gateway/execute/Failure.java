package dev.keyhole.gateway.execute;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Why a started execution failed, as its {@code finished} record says it ({@code failure}), so the audit
 * log tells a throttled table from a stopped engine from an STS refusal without parsing error text.
 */
public enum Failure {
    /** DynamoDB kept throttling after every retry (ProvisionedThroughputExceededException, ThrottlingException). */
    THROTTLED,
    /** An attempt or the whole call ran out of time. */
    TIMEOUT,
    /** DynamoDB could not be reached or answered nothing (connection refused or reset). */
    ENGINE_UNAVAILABLE,
    /** DynamoDB denied the call with the minted credentials. */
    DENIED,
    /** STS refused the credentials (AccessDenied and other client errors); nothing ran. */
    CREDENTIALS_REFUSED,
    /** STS did not answer in time, or not at all; nothing ran. */
    CREDENTIALS_UNAVAILABLE,
    /** Anything else. */
    ERROR;

    /** The lowercase word used in audit records, e.g. {@code engine-unavailable}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Why a DynamoDB call failed. */
    static Failure ofQuery(RuntimeException e) {
        if (e instanceof AwsServiceException aws) {
            if (aws.isThrottlingException()) {
                return THROTTLED;
            }
            return aws.awsErrorDetails() != null && "AccessDeniedException".equals(aws.awsErrorDetails().errorCode())
                    ? DENIED : ERROR;
        }
        if (timedOut(e)) {
            return TIMEOUT;
        }
        return e instanceof SdkClientException ? ENGINE_UNAVAILABLE : ERROR;
    }

    /** Whether AWS refused the call because its session credentials have expired (by AWS's clock). */
    static boolean expiredCredentials(RuntimeException e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && "ExpiredTokenException".equals(aws.awsErrorDetails().errorCode());
    }

    /** Why STS gave no credentials: it said no, or it could not be asked. */
    static Failure ofCredentials(SdkException e) {
        if (e instanceof AwsServiceException aws && !aws.isThrottlingException() && aws.statusCode() < 500) {
            return CREDENTIALS_REFUSED;
        }
        return CREDENTIALS_UNAVAILABLE;
    }

    /** Whether {@code e}, or what caused it, is the SDK giving up on time. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
