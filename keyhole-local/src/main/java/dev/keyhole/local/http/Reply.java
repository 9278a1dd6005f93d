package dev.keyhole.local.http;

import java.nio.charset.StandardCharsets;

/**
 * What the engine answers one request with, before any HTTP server writes it.
 *
 * @param status the HTTP status
 * @param requestId the {@code x-amzn-RequestId} of the request
 * @param contentType {@code application/x-amz-json-1.0} for DynamoDB, {@code text/xml} for STS
 * @param body the body bytes
 */
record Reply(int status, String requestId, String contentType, byte[] body) {

    static final String DYNAMODB_JSON = "application/x-amz-json-1.0";
    static final String XML = "text/xml";

    static Reply xml(int status, String requestId, String xml) {
        return new Reply(status, requestId, XML, xml.getBytes(StandardCharsets.UTF_8));
    }
}
