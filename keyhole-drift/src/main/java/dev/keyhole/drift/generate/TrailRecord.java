package dev.keyhole.drift.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One CloudTrail record as a trail writes it, with the members and their order from
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html.
 * Fluent and mutable; {@link #write} emits it.
 */
public final class TrailRecord {

    static final ObjectMapper JSON = new ObjectMapper();

    private String eventId = new UUID(java.util.concurrent.ThreadLocalRandom.current().nextLong(),
            java.util.concurrent.ThreadLocalRandom.current().nextLong()).toString();
    private Instant time = Instant.parse("2026-11-20T10:00:00Z");
    private String source = "dynamodb.amazonaws.com";
    private String name = "Query";
    private String region = "eu-west-1";
    private String account = "111122223333";
    private String identityType = "AssumedRole";
    private String arn;
    private String accessKeyId = "ASIAEXAMPLEKEY000001";
    private String sourceIdentity;
    private String errorCode;
    private JsonNode params;
    private String userAgent = "aws-sdk-java/2.57.8 Linux/6.1 OpenJDK_64-Bit_Server_VM/21";
    private String padding;

    /** A DynamoDB Query by an unnamed role session; set what matters. */
    public static TrailRecord dynamo(String operation) {
        return new TrailRecord().name(operation);
    }

    public TrailRecord eventId(String v) { eventId = v; return this; }
    public TrailRecord time(Instant v) { time = v.truncatedTo(ChronoUnit.SECONDS); return this; }
    public TrailRecord source(String v) { source = v; return this; }
    public TrailRecord name(String v) { name = v; return this; }
    public TrailRecord region(String v) { region = v; return this; }
    public TrailRecord account(String v) { account = v; return this; }
    public TrailRecord accessKeyId(String v) { accessKeyId = v; return this; }
    public TrailRecord sourceIdentity(String v) { sourceIdentity = v; return this; }
    public TrailRecord errorCode(String v) { errorCode = v; return this; }
    public TrailRecord userAgent(String v) { userAgent = v; return this; }
    /** Extra response text, to make noise records as large as real ones. */
    public TrailRecord padding(String v) { padding = v; return this; }

    /** {@code requestParameters} from JSON text. */
    public TrailRecord params(String json) {
        try {
            params = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code requestParameters} as a tree (shared, never changed). */
    public TrailRecord params(JsonNode tree) {
        params = tree;
        return this;
    }

    /** A session of {@code role} named {@code session} (keyhole names it by correlation id). */
    public TrailRecord roleSession(String role, String session) {
        identityType = "AssumedRole";
        arn = "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
        return this;
    }

    /** An IAM user. */
    public TrailRecord user(String userName) {
        identityType = "IAMUser";
        arn = "arn:aws:iam::" + account + ":user/" + userName;
        accessKeyId = "AKIAEXAMPLE" + Math.abs(userName.hashCode() % 1_000_000_000);
        return this;
    }

    public String eventId() {
        return eventId;
    }

    public Instant time() {
        return time;
    }

    /** Writes the record as one JSON object. */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", "1.09");
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("type", identityType);
        g.writeStringField("principalId", "AROAEXAMPLEID:" + (arn == null ? "x" : arn.substring(arn.lastIndexOf('/') + 1)));
        if (arn != null) {
            g.writeStringField("arn", arn);
        }
        g.writeStringField("accountId", account);
        g.writeStringField("accessKeyId", accessKeyId);
        if ("AssumedRole".equals(identityType) && arn != null) {
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            g.writeStringField("type", "Role");
            String role = arn.substring(arn.indexOf("assumed-role/") + 13, arn.lastIndexOf('/'));
            g.writeStringField("arn", "arn:aws:iam::" + account + ":role/" + role);
            g.writeStringField("accountId", account);
            g.writeStringField("userName", role);
            g.writeEndObject();
            g.writeObjectFieldStart("attributes");
            g.writeStringField("creationDate", time.minusSeconds(30).toString());
            g.writeStringField("mfaAuthenticated", "false");
            g.writeEndObject();
            if (sourceIdentity != null) {
                g.writeStringField("sourceIdentity", sourceIdentity);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeStringField("eventTime", time.toString());
        g.writeStringField("eventSource", source);
        g.writeStringField("eventName", name);
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", "198.51.100." + (Math.abs(eventId.hashCode()) % 250));
        g.writeStringField("userAgent", userAgent);
        if (errorCode != null) {
            g.writeStringField("errorCode", errorCode);
            g.writeStringField("errorMessage", "User: " + arn + " is not authorized to perform: " + name);
        }
        g.writeFieldName("requestParameters");
        if (params == null) {
            g.writeNull();
        } else {
            g.writeTree(params);
        }
        g.writeFieldName("responseElements");
        if (padding == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("detail", padding);
            g.writeEndObject();
        }
        g.writeStringField("requestID", eventId.replace("-", "").toUpperCase(java.util.Locale.ROOT));
        g.writeStringField("eventID", eventId);
        g.writeBooleanField("readOnly", !name.startsWith("Put") && !name.startsWith("Delete") && !name.startsWith("Update"));
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", !source.equals("dynamodb.amazonaws.com"));
        g.writeStringField("recipientAccountId", account);
        g.writeStringField("eventCategory", source.equals("dynamodb.amazonaws.com") ? "Data" : "Management");
        g.writeObjectFieldStart("tlsDetails");
        g.writeStringField("tlsVersion", "TLSv1.3");
        g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
        g.writeStringField("clientProvidedHostHeader", source.replace(".amazonaws.com", "") + "." + region + ".amazonaws.com");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The record as JSON text. */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
