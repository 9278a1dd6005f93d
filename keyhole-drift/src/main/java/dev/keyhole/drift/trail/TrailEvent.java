package dev.keyhole.drift.trail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The fields of one CloudTrail record that drift needs; everything else is skipped while parsing.
 * Field meanings follow https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * and the userIdentity element (cloudtrail-event-reference-user-identity.html).
 *
 * @param eventId {@code eventID}, unique per event; duplicates across files are one event
 * @param time {@code eventTime}
 * @param source {@code eventSource}, e.g. {@code dynamodb.amazonaws.com}
 * @param name {@code eventName}, the API operation
 * @param region {@code awsRegion}
 * @param account {@code recipientAccountId}, else the caller's account
 * @param identity who called
 * @param errorCode {@code errorCode}, or {@code null} when the call succeeded
 * @param requestParameters {@code requestParameters} of DynamoDB events as JSON text (compact, as read), or
 *     {@code null}; text rather than a tree because calls of one shape repeat word for word and are mapped
 *     once (see {@link #parameters()})
 * @param origin the file (or stream) the record came from
 */
public record TrailEvent(String eventId, Instant time, String source, String name, String region, String account,
                         Identity identity, String errorCode, String requestParameters, String origin) {

    /** DynamoDB's event source. */
    public static final String DYNAMODB = "dynamodb.amazonaws.com";

    /** {@code requestParameters} parsed, or {@code null}. */
    public JsonNode parameters() {
        if (requestParameters == null) {
            return null;
        }
        try {
            return RecordReader.JSON.readTree(requestParameters);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("requestParameters of `" + eventId + "` are not JSON", e);
        }
    }

    /** Whether DynamoDB recorded it. */
    public boolean isDynamoDb() {
        return DYNAMODB.equals(source);
    }

    /** Whether IAM refused the call. */
    public boolean isAccessDenied() {
        return errorCode != null && (errorCode.startsWith("AccessDenied") || errorCode.equals("UnauthorizedOperation")
                || errorCode.equals("Client.UnauthorizedOperation"));
    }

    /**
     * The caller, from {@code userIdentity}.
     *
     * @param type {@code AssumedRole}, {@code IAMUser}, {@code Root}, {@code AWSService}, ...
     * @param arn the caller's ARN ({@code arn:aws:sts::A:assumed-role/ROLE/SESSION} for a role session)
     * @param accessKeyId the access key the call was signed with
     * @param sourceIdentity {@code sessionContext.sourceIdentity}: who assumed the role (keyhole sets the user)
     */
    public record Identity(String type, String arn, String accessKeyId, String sourceIdentity) {

        /** The role session name (keyhole's correlation id) of an assumed-role ARN, or {@code null}. */
        public String sessionName() {
            int slash = arn == null || !arn.contains(":assumed-role/") ? -1 : arn.lastIndexOf('/');
            return slash < 0 ? null : arn.substring(slash + 1);
        }

        /**
         * The principal that holds the permissions: the role ARN behind an assumed-role session
         * ({@code arn:aws:iam::A:role/ROLE}), else the ARN itself.
         */
        public String principalArn() {
            if (arn == null) {
                return type == null ? "unknown" : type;
            }
            String known = PRINCIPALS.get(arn);
            if (known == null) {
                known = roleOf(arn);
                if (PRINCIPALS.size() < 100_000) {
                    PRINCIPALS.put(arn, known);
                }
            }
            return known;
        }

        /** Session ARN → role ARN; a trail has few distinct callers, each seen many times. */
        private static final java.util.Map<String, String> PRINCIPALS = new java.util.concurrent.ConcurrentHashMap<>();

        private static String roleOf(String arn) {
            int at = arn.indexOf(":assumed-role/");
            if (at < 0) {
                return arn;
            }
            String head = arn.substring(0, at).replace(":sts:", ":iam:");
            String rest = arn.substring(at + ":assumed-role/".length());
            int slash = rest.lastIndexOf('/');
            return head + ":role/" + (slash < 0 ? rest : rest.substring(0, slash));
        }
    }
}
